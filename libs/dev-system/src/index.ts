export * from './system-plan';
export * from './local-kafka';
export * from './running-system';
export * from './scratch-resources';
