export * from './envelope';
export * from './message-definition';
export * from './cloud-events';
export * from './upcaster';
export * from './actor';
