export * from './asyncapi-document';
export * from './compatibility';
export * from './contract-files';
export * from './message-catalog';
export * from './message-json-schema';
