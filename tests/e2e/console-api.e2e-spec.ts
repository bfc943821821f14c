import { productListSchema, workOrderDetailSchema, workOrderListSchema, workOrderStatusCountsSchema } from '@wo/contracts/rest';
import { ApiClient, WarehouseFixture } from '@wo/testing';

/** What the console needs of the API: calendar dates, a SKU picker, status counts, literal search, sorting. */
describe('the API for the console', () => {
  const api = ApiClient.signedIn('admin');
  const lines = { outputs: [{ sku: 'GIFT', quantity: 1 }], materials: [{ sku: 'TEA', quantity: 1 }] };
  let warehouse: WarehouseFixture;

  beforeAll(async () => {
    warehouse = await WarehouseFixture.create(api, { skus: ['TEA', 'GIFT'] });
  });

  const expectFieldError = (response: { status: number; body: any; contentType: string | null }, field: string) => {
    expect(response.status).toBe(400);
    expect(response.contentType).toMatch(/application\/problem\+json/);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  };

  describe('scheduledAt', () => {
    it('takes a calendar date as midnight UTC, and a date-time with offset, on create and edit', async () => {
      const byDate = workOrderDetailSchema.parse(await warehouse.workOrder({ ...lines, scheduledAt: '2026-12-20' }));
      expect(byDate.scheduledAt).toBe('2026-12-20T00:00:00.000Z');
      const byDateTime = workOrderDetailSchema.parse(await warehouse.workOrder({ ...lines, scheduledAt: '2026-12-20T09:30:00+01:00' }));
      expect(byDateTime.scheduledAt).toBe('2026-12-20T08:30:00.000Z');

      const edited = await api.patch(`/work-orders/${byDate.id}`, { scheduledAt: '2027-01-05' });
      expect(edited.status).toBe(200);
      expect(workOrderDetailSchema.parse(edited.body).scheduledAt).toBe('2027-01-05T00:00:00.000Z');
      expect((await api.get(`/work-orders/${byDate.id}`)).body.scheduledAt).toBe('2027-01-05T00:00:00.000Z');
      const cleared = await api.patch(`/work-orders/${byDate.id}`, { scheduledAt: null });
      expect(cleared.body.scheduledAt).toBeNull();
    });

    it.each([['0000-01-01'], ['0000-01-01T00:00:00Z'], ['1999-12-31'], ['2101-01-01'], ['2026-02-30']])(
      'refuses %s with 400 naming scheduledAt',
      async (scheduledAt) => {
        expectFieldError(
          await api.post('/work-orders', { merchantId: warehouse.merchantId, warehouseId: warehouse.warehouseId, name: 'Out of range', ...lines, scheduledAt }),
          'scheduledAt',
        );
      },
    );

    it('refuses an edit out of range with 400 naming scheduledAt, and leaves the order alone', async () => {
      const order = await warehouse.workOrder({ ...lines, scheduledAt: '2026-12-20' });
      expectFieldError(await api.patch(`/work-orders/${order.id}`, { scheduledAt: '0000-01-01' }), 'scheduledAt');
      expect((await api.get(`/work-orders/${order.id}`)).body.scheduledAt).toBe('2026-12-20T00:00:00.000Z');
    });
  });

  describe('product search', () => {
    const products = [
      { sku: 'TEA-GREEN', name: 'Green tea' },
      { sku: 'TEA-BLACK', name: 'Black tea' },
      { sku: 'MUG-01', name: 'Teapot mug' },
      { sku: 'PCT-50', name: '50% off voucher' },
      { sku: 'A_B', name: 'Underscore' },
      { sku: 'AXB', name: 'No underscore' },
      { sku: 'BS-1', name: 'Back\\slash' },
    ];
    let merchantId: string;

    beforeAll(async () => {
      merchantId = (await api.post('/merchants', { name: `Search ${warehouse.tag}` })).body.id;
      for (const product of products) expect((await api.post('/products', { merchantId, ...product })).status).toBe(201);
    });

    const search = async (query: string) => {
      const response = await api.get(`/products?merchantId=${merchantId}&${query}`);
      expect(response.status).toBe(200);
      return productListSchema.parse(response.body).map((product) => product.sku);
    };

    it('matches a SKU prefix or a name substring, any case, ordered by SKU', async () => {
      expect(await search('q=tea')).toEqual(['MUG-01', 'TEA-BLACK', 'TEA-GREEN']);
      expect(await search('q=TEA-B')).toEqual(['TEA-BLACK']);
      // "GREEN" is inside a SKU but not at its start: only the name matches.
      expect(await search('q=green')).toEqual(['TEA-GREEN']);
      expect(await search('q=EA-')).toEqual([]);
    });

    it('matches %, _ and \\ literally', async () => {
      expect(await search(`q=${encodeURIComponent('%')}`)).toEqual(['PCT-50']);
      expect(await search('q=A_')).toEqual(['A_B']);
      expect(await search(`q=${encodeURIComponent('k\\s')}`)).toEqual(['BS-1']);
    });

    it('answers at most limit products, and keeps the exact sku filter', async () => {
      // (How "A_B" and "AXB" compare depends on the database's collation: take the order it gives.)
      expect(await search('limit=2')).toEqual((await search('')).slice(0, 2));
      expect(await search('')).toHaveLength(products.length);
      expect(await search('sku=AXB')).toEqual(['AXB']);
    });

    it.each([['limit=0'], ['limit=201'], ['limit=many']])('refuses %s with 400 naming query.limit', async (query) => {
      expectFieldError(await api.get(`/products?${query}`), 'query.limit');
    });
  });

  describe('work-order list', () => {
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      for (const name of ['50% off set', 'A_B set', 'AXB set', 'Back\\slash set']) ids[name] = (await warehouse.workOrder({ ...lines, name })).id;
      expect((await api.post(`/work-orders/${ids['AXB set']}/cancel`)).status).toBe(202);
    });

    const idsOf = async (query: string) => {
      const response = await api.get(`/work-orders?warehouseId=${warehouse.warehouseId}&${query}`);
      expect(response.status).toBe(200);
      return workOrderListSchema.parse(response.body).items.map((item) => item.id);
    };

    it('searches literally: % and _ are no wildcards, a backslash is a backslash', async () => {
      expect(await idsOf(`q=${encodeURIComponent('%')}`)).toEqual([ids['50% off set']]);
      expect(await idsOf('q=A_')).toEqual([ids['A_B set']]);
      expect(await idsOf(`q=${encodeURIComponent('k\\s')}`)).toEqual([ids['Back\\slash set']]);
    });

    it('sorts by Created At, newest first by default, oldest first on request, with a stable order across pages', async () => {
      const created = ['50% off set', 'A_B set', 'AXB set', 'Back\\slash set'].map((name) => ids[name]);
      const newestFirst = [...created].reverse();
      const ids_ = (extra: string) => idsOf(`q=set&${extra}`);
      expect(await ids_('')).toEqual(newestFirst);
      expect(await ids_('sort=-createdAt')).toEqual(newestFirst);
      expect(await ids_('sort=createdAt')).toEqual(created);
      expect([...(await ids_('sort=createdAt&pageSize=3&page=1')), ...(await ids_('sort=createdAt&pageSize=3&page=2'))]).toEqual(created);
    });

    it('refuses an unknown sort with 400 naming query.sort', async () => {
      expectFieldError(await api.get('/work-orders?sort=name'), 'query.sort');
    });

    it('counts the orders per status under the same filters, every status present', async () => {
      const response = await api.get(`/work-orders/status-counts?warehouseId=${warehouse.warehouseId}&q=${'set'}`);
      expect(response.status).toBe(200);
      expect(workOrderStatusCountsSchema.parse(response.body)).toEqual({
        counts: { DRAFT: 3, OUT_OF_STOCK: 0, ALLOCATED: 0, PROCESSING: 0, COMPLETED: 0, CANCELED: 1 },
        capped: [],
      });
      const literal = await api.get(`/work-orders/status-counts?warehouseId=${warehouse.warehouseId}&q=${encodeURIComponent('%')}`);
      expect(literal.body.counts).toMatchObject({ DRAFT: 1, CANCELED: 0 });
      const none = await api.get('/work-orders/status-counts?merchantId=nobody');
      expect(none.body).toEqual({ counts: { DRAFT: 0, OUT_OF_STOCK: 0, ALLOCATED: 0, PROCESSING: 0, COMPLETED: 0, CANCELED: 0 }, capped: [] });
    });

    it('ignores status and paging in the counts, and refuses a bad filter with 400', async () => {
      const response = await api.get(`/work-orders/status-counts?warehouseId=${warehouse.warehouseId}&q=${'set'}&status=DRAFT&page=2`);
      expect(response.body.counts).toMatchObject({ DRAFT: 3, CANCELED: 1 });
      expectFieldError(await api.get('/work-orders/status-counts?q='), 'query.q[0]');
    });
  });

  it('gives a Draft order its allowed actions and no blocked ones', async () => {
    const order = workOrderDetailSchema.parse(await warehouse.workOrder(lines));
    expect(order.blockedActions).toEqual([]);
    expect(order.allowedActions).toEqual(['edit', 'confirm', 'cancel']);
  });
});
