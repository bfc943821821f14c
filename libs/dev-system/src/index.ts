export * from './system-plan';
export * from './local-kafka';
export * from './running-system';
export * from './invariants';
export * from './scratch-resources';
export * from './chaos/run-chaos';
