export * from './topics';
export * from './inbound-messages';
