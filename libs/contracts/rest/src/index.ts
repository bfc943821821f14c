/**
 * The gateway's REST contract: request schemas (what the services parse) and answer schemas with
 * their types (what clients read), by resource. Browser-safe: imports only zod.
 */
export * from './boms';
export * from './common';
export * from './dead-letters';
export * from './identity';
export * from './inbound';
export * from './lot';
export * from './permissions';
export * from './picking';
export * from './reference-data';
export * from './route-access';
export * from './sagas';
export * from './scheduled-at';
export * from './stock';
export * from './traceability';
export * from './work-orders';
export * from './openapi-document';
export * from './openapi-routes';
