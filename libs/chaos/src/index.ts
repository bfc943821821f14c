export * from './run-chaos';
