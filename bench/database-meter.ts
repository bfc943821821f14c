import { Client } from 'pg';

/**
 * Transactions committed and rows written (inserted, updated, deleted) per order in each database
 * of the bench (`wo_bench_*`), from pg_stat_database over a stretch of the bench. A busy backend
 * reports its counts at most once a second and an idle one 10 s after its last transaction
 * (Postgres 15), so each reading waits 11 s first: then every count before it has been reported.
 */
export class DatabaseMeter {
  private constructor(
    private readonly client: Client,
    private readonly prefix: string,
    private readonly start: Map<string, DatabaseCounts>,
  ) {}

  static async start(postgresUrl: string, prefix: string): Promise<DatabaseMeter> {
    const client = new Client({ connectionString: `${postgresUrl}/postgres` });
    await client.connect();
    return new DatabaseMeter(client, prefix, await read(client, prefix));
  }

  async perUnit(units: number): Promise<Record<string, { transactions: number; rowsWritten: number }>> {
    try {
      const end = await read(this.client, this.prefix);
      const perOrder: Record<string, { transactions: number; rowsWritten: number }> = {};
      for (const [name, counts] of end) {
        const before = this.start.get(name) ?? { transactions: 0, rowsWritten: 0 };
        const transactions = (counts.transactions - before.transactions) / units;
        const rowsWritten = (counts.rowsWritten - before.rowsWritten) / units;
        if (transactions > 0.05 || rowsWritten > 0.05)
          perOrder[name.slice(this.prefix.length)] = { transactions: round(transactions), rowsWritten: round(rowsWritten) };
      }
      return perOrder;
    } finally {
      await this.client.end();
    }
  }
}

interface DatabaseCounts {
  transactions: number;
  rowsWritten: number;
}

async function read(client: Client, prefix: string): Promise<Map<string, DatabaseCounts>> {
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  const { rows } = await client.query<{ datname: string; transactions: string; rows_written: string }>(
    `SELECT datname, xact_commit AS transactions, tup_inserted + tup_updated + tup_deleted AS rows_written
       FROM pg_stat_database WHERE starts_with(datname, $1)`,
    [prefix],
  );
  return new Map(rows.map((row) => [row.datname, { transactions: Number(row.transactions), rowsWritten: Number(row.rows_written) }]));
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
