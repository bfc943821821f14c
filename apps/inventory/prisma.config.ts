import { defineConfig } from 'prisma/config';

// Used by the Prisma CLI for `prisma generate`. The migrations run with the project's runner
// (libs/database applyMigrations), not `prisma migrate`: they include shared SQL files.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env['DATABASE_URL'] ?? '' },
});
