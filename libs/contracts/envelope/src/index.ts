export * from './envelope';
export * from './message-definition';
