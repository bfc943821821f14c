import { Pool } from 'pg';

/**
 * The physical limit the saga is compared with: the same all-or-nothing reservation of an order's
 * lines as ONE local Postgres transaction (UPDATE ... WHERE available >= qty per line, rollback if
 * one fails), against the same Postgres, at the same concurrency.
 */
export class BaselineReservations {
  private constructor(private readonly pool: Pool) {}

  static async create(postgresUrl: string, concurrency: number): Promise<BaselineReservations> {
    const admin = new Pool({ connectionString: `${postgresUrl}/postgres`, max: 1 });
    await admin.query('DROP DATABASE IF EXISTS wo_bench_baseline WITH (FORCE)');
    await admin.query('CREATE DATABASE wo_bench_baseline');
    await admin.end();
    const pool = new Pool({ connectionString: `${postgresUrl}/wo_bench_baseline`, max: concurrency });
    await pool.query(`CREATE TABLE stock (sku TEXT PRIMARY KEY, on_hand INT NOT NULL, reserved INT NOT NULL DEFAULT 0, CHECK (reserved <= on_hand))`);
    return new BaselineReservations(pool);
  }

  async seed(stock: { sku: string; quantity: number }[]): Promise<void> {
    await this.pool.query('TRUNCATE stock');
    await this.pool.query(`INSERT INTO stock (sku, on_hand) SELECT * FROM unnest($1::text[], $2::int[])`, [
      stock.map((item) => item.sku),
      stock.map((item) => item.quantity),
    ]);
  }

  /** Reserves every line or none; lines in SKU order so two orders never deadlock. */
  async reserve(lines: { sku: string; quantity: number }[]): Promise<'allocated' | 'outOfStock'> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      for (const line of [...lines].sort((a, b) => a.sku.localeCompare(b.sku))) {
        const updated = await client.query('UPDATE stock SET reserved = reserved + $2 WHERE sku = $1 AND on_hand - reserved >= $2', [line.sku, line.quantity]);
        if (updated.rowCount === 0) {
          await client.query('ROLLBACK');
          return 'outOfStock';
        }
      }
      await client.query('COMMIT');
      return 'allocated';
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async oversold(): Promise<number> {
    const result = await this.pool.query<{ n: string }>('SELECT coalesce(sum(greatest(reserved - on_hand, 0)), 0) AS n FROM stock');
    return Number(result.rows[0]!.n);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
