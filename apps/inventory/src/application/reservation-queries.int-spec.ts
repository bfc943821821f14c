import { TOTAL_COUNT_CAP } from '@wo/contracts/rest';
import { createDatabasePool, freshMigratedDatabase, prismaOptionsFor } from '@wo/database';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { InventoryDatabase } from '../persistence/inventory-database';
import { ReservationQueries } from './reservation-queries';

const postgres = process.env['POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';
const databaseName = `${process.env['DATABASE_PREFIX'] ?? 'wo_'}inventory_reservation_list_check`;

/**
 * The Reservations list on a real Postgres with more reservations than the count's cap: oldest
 * first, each with its bins, the total capped, filters and a merchant scope in the query, and the
 * tombstone of a release that overtook its reserve left out.
 */
describe('the Reservations list past the count cap (a real Postgres)', () => {
  let pool: Pool;
  let db: InventoryDatabase;
  let queries: ReservationQueries;
  const many = TOTAL_COUNT_CAP + 5;

  beforeAll(async () => {
    const url = await freshMigratedDatabase(postgres, databaseName, join(__dirname, '../../prisma/migrations'));
    pool = createDatabasePool(url, { max: 2 });
    db = new InventoryDatabase(prismaOptionsFor(pool));
    queries = new ReservationQueries(db);
    // m-big's reservations, one a second from a fixed start, every tenth consumed; m-small's three; one tombstone.
    await pool.query(
      `INSERT INTO reservation (id, work_order_id, line_id, warehouse_id, merchant_id, sku, quantity, status, created_at)
       SELECT 'r-' || lpad(n::text, 6, '0'), 'wo-' || n, 'l-' || n, 'wh', 'm-big', CASE WHEN n % 2 = 0 THEN 'BOX' ELSE 'SOAP' END, 1 + n % 3,
              CASE WHEN n % 10 = 0 THEN 'CONSUMED' ELSE 'RESERVED' END, timestamptz '2026-01-01' + n * interval '1 second'
         FROM generate_series(1, ${many}) n`,
    );
    await pool.query(`INSERT INTO reservation_allocation (reservation_id, location_code, quantity) SELECT id, 'A-01', quantity FROM reservation`);
    await pool.query(
      `INSERT INTO reservation (id, work_order_id, line_id, warehouse_id, merchant_id, sku, quantity, status, created_at)
       VALUES ('s-1', 'wo-s1', 'l-s1', 'wh', 'm-small', 'TAPE', 2, 'RESERVED', '2025-12-01'), ('s-2', 'wo-s2', 'l-s2', 'wh', 'm-small', 'TAPE', 1, 'RELEASED', '2025-12-02'),
              ('s-3', 'wo-s3', 'l-s3', 'wh', 'm-small', 'TAPE', 4, 'RESERVED', '2025-12-03'), ('tomb', '', 'l-t', 'wh', 'm-small', 'TAPE', 0, 'RELEASED', '2025-11-01')`,
    );
  });

  afterAll(async () => {
    await db.$disconnect();
    await pool.end();
  });

  it('counts up to the cap and says so; the page is the oldest, each with its bins, the tombstone left out', async () => {
    const page = await queries.list({ page: 1, pageSize: 4 });
    expect({ total: page.total, totalCapped: page.totalCapped }).toEqual({ total: TOTAL_COUNT_CAP, totalCapped: true });
    expect(page.items.map((item) => item.id)).toEqual(['s-1', 's-2', 's-3', 'r-000001']);
    expect(page.items[3]).toMatchObject({ workOrderId: 'wo-1', sku: 'SOAP', quantity: 2, allocations: [{ locationCode: 'A-01', quantity: 2, lot: null }] });
  });

  it('counts exactly below the cap, filters in the query and a merchant scope too', async () => {
    const small = await queries.list({ page: 1, pageSize: 10 }, ['m-small']);
    expect({ total: small.total, totalCapped: small.totalCapped, ids: small.items.map((item) => item.id) }).toEqual({
      total: 3,
      totalCapped: false,
      ids: ['s-1', 's-2', 's-3'],
    });
    const held = await queries.list({ page: 1, pageSize: 10, sku: 'TAPE', status: 'RESERVED' });
    expect(held.items.map((item) => item.id)).toEqual(['s-1', 's-3']);
    const consumed = await queries.list({ page: 2, pageSize: 100, status: 'CONSUMED', sku: 'BOX' });
    expect({ total: consumed.total, first: consumed.items[0]?.id }).toEqual({ total: Math.floor(many / 10), first: 'r-001010' });
    expect(await queries.list({ page: 1, pageSize: 10, workOrderId: 'wo-7' })).toMatchObject({ total: 1, items: [{ id: 'r-000007' }] });
  });

  it('reads a page from the index in its order, not by sorting every reservation', async () => {
    const plan = await pool.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT * FROM reservation WHERE work_order_id <> '' ORDER BY created_at, id LIMIT 25 OFFSET 50`,
    );
    expect(plan.rows.map((row) => row['QUERY PLAN']).join('\n')).toMatch(/Index Scan using reservation_created_at_id_idx/);
  });
});
