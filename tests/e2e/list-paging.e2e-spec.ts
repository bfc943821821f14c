import { randomUUID } from 'node:crypto';
import { databaseUrl } from '@wo/dev-system';
import { ApiClient, WarehouseFixture } from '@wo/testing';
import { Client } from 'pg';
import { e2eOptions } from './support/e2e-system';

/**
 * Keyset paging (`after`, `nextCursor`, `X-Next-Cursor`) and capped totals (exact up to 10,000,
 * then `totalCapped` / `X-Total-Count-Capped`) of the lists that grow with history, through the
 * gateway: a walk by cursor sees every row once while others are inserted, a cursor that is not
 * one the list gave is a 400 naming `after`.
 */
describe('paging lists by cursor, with capped totals', () => {
  const api = ApiClient.signedIn('admin');
  let warehouse: WarehouseFixture;

  beforeAll(async () => {
    warehouse = await WarehouseFixture.create(api, { skus: ['TEA', 'GIFT'], locations: ['A-01', 'A-02', 'A-03'] });
  });

  const lines = { outputs: [{ sku: 'GIFT', quantity: 1 }], materials: [{ sku: 'TEA', quantity: 1 }] };
  const ids = (items: { id: string }[]) => items.map((item) => item.id);

  /** Every page of a list from the first, following the cursors; `between` runs after each page. */
  async function walk<T>(
    first: string,
    read: (path: string) => Promise<{ items: T[]; next: string | null }>,
    between: () => Promise<void> = async () => undefined,
  ) {
    const items: T[] = [];
    let page = await read(first);
    for (let pages = 1; ; pages += 1) {
      items.push(...page.items);
      if (page.next === null) return { items, pages };
      await between();
      page = await read(`${first}&after=${page.next}`);
    }
  }

  describe('work orders', () => {
    const orderIds: string[] = [];
    beforeAll(async () => {
      for (let index = 0; index < 7; index += 1) orderIds.unshift((await warehouse.workOrder({ name: `Paged ${index}`, ...lines })).id);
    });
    const readList = async (path: string) => {
      const response = await api.get(path);
      expect(response.status).toBe(200);
      return { items: response.body.items as { id: string }[], next: response.body.nextCursor as string | null, body: response.body };
    };

    it('walks the whole list by cursor, newest first, once each, while new orders arrive', async () => {
      const added: string[] = [];
      const { items, pages } = await walk(`/work-orders?warehouseId=${warehouse.warehouseId}&pageSize=2`, readList, async () => {
        added.push((await warehouse.workOrder({ name: 'Arrived meanwhile', ...lines })).id);
      });
      // Newer orders land before the first page: the walk neither repeats nor skips a row it had not reached.
      expect(ids(items)).toEqual(orderIds);
      expect(pages).toBe(4);
      expect(added).toHaveLength(3);
      const now = await readList(`/work-orders?warehouseId=${warehouse.warehouseId}&pageSize=50`);
      expect(ids(now.items)).toEqual([...added.reverse(), ...orderIds]);
      orderIds.unshift(...added);
    });

    it('gives the same rows by cursor as by page number, and each page says its total and whether it is capped', async () => {
      const byPage: string[] = [];
      for (let page = 1; page <= 4; page += 1)
        byPage.push(...ids((await readList(`/work-orders?warehouseId=${warehouse.warehouseId}&pageSize=3&page=${page}`)).items));
      const { items } = await walk(`/work-orders?warehouseId=${warehouse.warehouseId}&pageSize=3`, readList);
      expect(ids(items)).toEqual(byPage);
      const first = await readList(`/work-orders?warehouseId=${warehouse.warehouseId}&pageSize=3`);
      expect(first.body).toMatchObject({ total: orderIds.length, totalCapped: false, page: 1, pageSize: 3, nextCursor: expect.any(String) });
      const last = await readList(`/work-orders?warehouseId=${warehouse.warehouseId}&pageSize=50`);
      expect(last.body.nextCursor).toBeNull();
    });

    it('pages by cursor in the other sorts too (oldest first, by priority)', async () => {
      const oldest = await walk(`/work-orders?warehouseId=${warehouse.warehouseId}&sort=createdAt&pageSize=4`, readList);
      expect(ids(oldest.items)).toEqual([...orderIds].reverse());
      const byPriority = await walk(`/work-orders?warehouseId=${warehouse.warehouseId}&sort=-priority&pageSize=4`, readList);
      expect(new Set(ids(byPriority.items))).toEqual(new Set(orderIds));
      expect(byPriority.items).toHaveLength(orderIds.length);
    });

    it('refuses a cursor it did not give with 400 problem+json naming after, and changes nothing', async () => {
      const first = await readList(`/work-orders?warehouseId=${warehouse.warehouseId}&pageSize=2`);
      const movementCursor = Buffer.from(JSON.stringify(['movements', '12'])).toString('base64url');
      for (const query of [
        'after=not-a-cursor',
        'after=%7B%7D',
        `after=${movementCursor}`,
        `after=${first.next}&sort=createdAt`,
        `after=${first.next}&page=2`,
        `after=${Buffer.from(JSON.stringify(['-createdAt', 'yesterday', 'x'])).toString('base64url')}`,
      ]) {
        const response = await api.get(`/work-orders?warehouseId=${warehouse.warehouseId}&${query}`);
        expect({ query, status: response.status, type: response.contentType }).toEqual({
          query,
          status: 400,
          type: expect.stringMatching(/application\/problem\+json/),
        });
        expect(response.body.errors).toEqual([expect.objectContaining({ field: 'query.after' })]);
      }
      expect(ids((await readList(`/work-orders?warehouseId=${warehouse.warehouseId}&pageSize=50`)).items)).toEqual(orderIds);
    });
  });

  describe('movements and stock rows', () => {
    const readHeaders = async <T>(path: string) => {
      const response = await api.get(path);
      expect(response.status).toBe(200);
      return { items: response.body as T[], next: response.headers?.get('x-next-cursor') ?? null, headers: response.headers! };
    };

    it('walks the ledger by cursor, oldest first, and a movement made meanwhile comes at the end once', async () => {
      await warehouse.stock([
        { sku: 'TEA', locationCode: 'A-01', quantity: 5 },
        { sku: 'TEA', locationCode: 'A-02', quantity: 6 },
        { sku: 'TEA', locationCode: 'A-03', quantity: 7 },
        { sku: 'GIFT', locationCode: 'A-01', quantity: 8 },
      ]);
      const path = `/inventory/movements?warehouseId=${warehouse.warehouseId}&merchantId=${warehouse.merchantId}`;
      const before = (await readHeaders<{ id: string }>(`${path}&pageSize=100`)).items;
      let added = false;
      const { items } = await walk(`${path}&pageSize=2`, readHeaders<{ id: string }>, async () => {
        if (added) return;
        added = true;
        await warehouse.stock([{ sku: 'GIFT', locationCode: 'A-02', quantity: 1 }]);
      });
      expect(ids(items).slice(0, before.length)).toEqual(ids(before));
      expect(items).toHaveLength(before.length + 1);
      expect(new Set(ids(items)).size).toBe(items.length);
    });

    it('walks stock rows by cursor in the order of pages', async () => {
      const path = `/inventory?warehouseId=${warehouse.warehouseId}&merchantId=${warehouse.merchantId}`;
      const whole = await readHeaders<{ sku: string }>(`${path}&pageSize=100`);
      expect(whole.items.map((row) => row.sku)).toEqual(['GIFT', 'TEA']);
      expect(whole.headers.get('x-total-count')).toBe('2');
      expect(whole.headers.get('x-total-count-capped')).toBeNull();
      const { items, pages } = await walk(`${path}&pageSize=1`, readHeaders<{ sku: string }>);
      expect({ skus: items.map((row) => row.sku), pages }).toEqual({ skus: ['GIFT', 'TEA'], pages: 2 });
    });

    it('refuses a bad cursor on both with 400 naming after', async () => {
      const cursor = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
      const workOrders = cursor(['-createdAt', '2026-01-01T00:00:00.000Z', 'x']);
      const bad = {
        '/inventory/movements': ['%21%21', workOrders, cursor(['stock', 'a', 'b', 'c']), cursor(['movements', '12; DROP'])],
        '/inventory': ['%21%21', workOrders, cursor(['movements', '12'])],
      };
      for (const [path, cursors] of Object.entries(bad)) {
        for (const after of cursors) {
          const response = await api.get(`${path}?after=${after}`);
          expect({ path, after, status: response.status }).toEqual({ path, after, status: 400 });
          expect(response.body.errors).toEqual([expect.objectContaining({ field: 'query.after' })]);
        }
      }
    });
  });

  /** Past 10,000 matches the totals stop counting: rows written straight into the databases (the API would take minutes), removed after. */
  describe('past the count cap', () => {
    const merchantId = `cap-${randomUUID()}`;
    const workOrders = new Client({ connectionString: databaseUrl(e2eOptions(), 'work-orders') });
    const inventory = new Client({ connectionString: databaseUrl(e2eOptions(), 'inventory') });

    beforeAll(async () => {
      await workOrders.connect();
      await inventory.connect();
      await workOrders.query(
        `INSERT INTO work_order (id, number, merchant_id, warehouse_id, name, status, created_at)
         SELECT $1 || '-' || i, 'CAP-' || i, $1, $1, 'Capped ' || i, CASE WHEN i <= 10050 THEN 'DRAFT' ELSE 'CANCELED' END, now() - i * interval '1 second'
           FROM generate_series(1, 10060) AS i`,
        [merchantId],
      );
      await inventory.query(
        `INSERT INTO stock_movement (warehouse_id, merchant_id, sku, location_code, quantity, kind, reason)
         SELECT $1, $1, 'CAPPED', 'A-01', 1, 'ADJUSTMENT', 'count cap test' FROM generate_series(1, 10005)`,
        [merchantId],
      );
    });

    afterAll(async () => {
      await workOrders.query('DELETE FROM work_order WHERE merchant_id = $1', [merchantId]);
      await inventory.query('DELETE FROM stock_movement WHERE merchant_id = $1', [merchantId]);
      await workOrders.end();
      await inventory.end();
    });

    it('reports 10,000 work orders as capped, and the status counts past the cap as capped', async () => {
      const list = await api.get(`/work-orders?merchantId=${merchantId}&pageSize=5`);
      expect(list.body).toMatchObject({ total: 10_000, totalCapped: true, nextCursor: expect.any(String) });
      const canceled = await api.get(`/work-orders?merchantId=${merchantId}&status=CANCELED`);
      expect(canceled.body).toMatchObject({ total: 10, totalCapped: false, nextCursor: null });
      const counts = await api.get(`/work-orders/status-counts?merchantId=${merchantId}`);
      expect(counts.body).toEqual({ counts: expect.objectContaining({ DRAFT: 10_000, CANCELED: 10, ALLOCATED: 0 }), capped: ['DRAFT'] });
    });

    it('says so in X-Total-Count-Capped beside X-Total-Count on the ledger', async () => {
      const response = await api.get(`/inventory/movements?merchantId=${merchantId}&pageSize=3`);
      expect(response.headers?.get('x-total-count')).toBe('10000');
      expect(response.headers?.get('x-total-count-capped')).toBe('true');
      const next = await api.get(`/inventory/movements?merchantId=${merchantId}&pageSize=3&after=${response.headers?.get('x-next-cursor')}`);
      expect(Number((next.body as { id: string }[])[0]!.id)).toBeGreaterThan(Number((response.body as { id: string }[])[2]!.id));
    });
  });
});
