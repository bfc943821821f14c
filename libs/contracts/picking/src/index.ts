export * from './topics';
export * from './picking-messages';
