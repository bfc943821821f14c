import { createDatabasePool, SqlDatabase } from '@wo/database';
import { REPO_ROOT } from '@wo/dev-system';
import { join } from 'node:path';

/**
 * What one SQL statement costs the Node process that sends it, on this machine: CPU time (user +
 * system) per statement, through pg directly, through Prisma's raw query in an interactive
 * transaction, and as a Prisma model query. It explains most of the saga path's cost per order
 * (see README, "What bounds the saga path"), so the bench prints it next to the throughput.
 */
export async function measureStatementCosts(databaseUrl: string, statements = 2_000): Promise<Record<string, number>> {
  const pool = createDatabasePool(databaseUrl, { max: 2 });
  // The bench measures Prisma itself, through the inventory service's generated client (compiled
  // in dist/): loaded at run time, as the bench does not otherwise depend on a service's code.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { PrismaClient } = require(join(REPO_ROOT, 'dist/apps/inventory/src/generated/prisma/client.js'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { PrismaPg } = require('@prisma/adapter-pg');
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  try {
    const sql = new SqlDatabase(pool);
    await sql.$transaction((tx) => tx.$queryRawUnsafe('SELECT 1'));
    await prisma.$queryRawUnsafe('SELECT 1');
    const perStatement = async (run: () => Promise<unknown>) => {
      const before = process.cpuUsage();
      await run();
      const used = process.cpuUsage(before);
      return Math.round((used.user + used.system) / statements);
    };
    return {
      pgStatementCpuMicros: await perStatement(() =>
        sql.$transaction(async (tx) => {
          for (let index = 0; index < statements; index += 1) await tx.$queryRawUnsafe('SELECT $1::int AS n', index);
        }),
      ),
      prismaRawStatementCpuMicros: await perStatement(() =>
        prisma.$transaction(
          async (tx: typeof prisma) => {
            for (let index = 0; index < statements; index += 1) await tx.$queryRawUnsafe('SELECT $1::int AS n', index);
          },
          { timeout: 120_000 },
        ),
      ),
      prismaModelQueryCpuMicros: await perStatement(() =>
        prisma.$transaction(
          async (tx: typeof prisma) => {
            for (let index = 0; index < statements; index += 1) await tx.merchant.findUnique({ where: { id: `m-${index}` } });
          },
          { timeout: 120_000 },
        ),
      ),
    };
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
}
