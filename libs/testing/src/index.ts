export * from './api-client';
export * from './eventually';
export * from './warehouse-fixture';
export * from './schema-drift';
export * from './dev-login';
