export * from './run-chaos';
export * from './outages';
