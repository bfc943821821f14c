export * from './sql-executor';
export * from './sql-database';
export * from './database-pool';
export * from './prisma-database';
export * from './lock-row';
export * from './like-pattern';
export * from './ensure-database';
export * from './apply-migrations';
