export * from './story-consumer';
