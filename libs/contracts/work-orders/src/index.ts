export * from './topics';
export * from './work-order-events';
