import { defineConfig } from 'prisma/config';

// Used by the Prisma CLI: `prisma generate` here, and `prisma migrate deploy` where the schema
// engine is available (the production image). DATABASE_URL is only needed for migrate.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env['DATABASE_URL'] ?? '' },
});
