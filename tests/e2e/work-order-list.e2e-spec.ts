import { ApiClient, WarehouseFixture } from '@wo/testing';

/** The list's filters (each repeatable), search, pagination and stable order. */
describe('listing work orders', () => {
  const api = ApiClient.signedIn('admin');
  let warehouse: WarehouseFixture;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    warehouse = await WarehouseFixture.create(api, { skus: ['TEA', 'MUG', 'CUP', 'GIFT-A', 'GIFT-B'] });
    ids['tea'] = (await warehouse.workOrder({ name: 'Tea gift', outputs: [{ sku: 'GIFT-A', quantity: 1 }], materials: [{ sku: 'TEA', quantity: 1 }] })).id;
    ids['mug'] = (await warehouse.workOrder({ name: 'Mug gift', outputs: [{ sku: 'GIFT-B', quantity: 1 }], materials: [{ sku: 'MUG', quantity: 1 }] })).id;
    ids['cup'] = (
      await warehouse.workOrder({
        name: 'Cup set',
        outputs: [{ sku: 'GIFT-B', quantity: 1 }],
        materials: [
          { sku: 'CUP', quantity: 1 },
          { sku: 'TEA', quantity: 1 },
        ],
      })
    ).id;
    await api.post(`/work-orders/${ids['mug']}/cancel`);
  });

  const list = async (query: string) => (await api.get(`/work-orders?warehouseId=${warehouse.warehouseId}&${query}`)).body;
  const idsOf = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

  it('shows the list columns, newest first', async () => {
    const page = await list('');
    expect(idsOf(page)).toEqual([ids['cup'], ids['mug'], ids['tea']]);
    expect(page.items[0]).toEqual(
      expect.objectContaining({
        status: 'DRAFT',
        name: 'Cup set',
        number: expect.any(String),
        merchantId: warehouse.merchantId,
        scheduledAt: null,
        createdAt: expect.any(String),
      }),
    );
    expect(page.total).toBe(3);
  });

  it('filters by several statuses', async () => {
    expect(idsOf(await list('status=CANCELED'))).toEqual([ids['mug']]);
    expect(idsOf(await list('status=CANCELED&status=DRAFT'))).toHaveLength(3);
  });

  it('searches number or name with several queries', async () => {
    expect(idsOf(await list('q=tea'))).toEqual([ids['tea']]);
    expect(idsOf(await list('q=tea&q=mug'))).toEqual([ids['mug'], ids['tea']]);
    const tea = (await api.get(`/work-orders/${ids['tea']}`)).body;
    expect(idsOf(await list(`q=${tea.number}`))).toEqual([ids['tea']]);
  });

  it('filters by input and output SKUs, several of each', async () => {
    expect(idsOf(await list('inputSku=TEA'))).toEqual([ids['cup'], ids['tea']]);
    expect(idsOf(await list('inputSku=MUG&inputSku=CUP'))).toEqual([ids['cup'], ids['mug']]);
    expect(idsOf(await list('outputSku=GIFT-B'))).toEqual([ids['cup'], ids['mug']]);
    expect(idsOf(await list('outputSku=GIFT-A&inputSku=CUP'))).toEqual([]);
  });

  it('filters by merchant', async () => {
    expect(await list(`merchantId=${warehouse.merchantId}&merchantId=someone-else`)).toMatchObject({ total: 3 });
    expect(await list('merchantId=someone-else')).toMatchObject({ total: 0 });
  });

  it('pages without overlap', async () => {
    const first = await list('pageSize=2&page=1');
    const second = await list('pageSize=2&page=2');
    expect([...idsOf(first), ...idsOf(second)]).toEqual([ids['cup'], ids['mug'], ids['tea']]);
    expect(first.total).toBe(3);
  });

  it('refuses an unknown status filter with 400', async () => {
    const response = await api.get('/work-orders?status=LOST');
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toMatch(/^query\.status/);
  });
});
