export * from './invariants';
