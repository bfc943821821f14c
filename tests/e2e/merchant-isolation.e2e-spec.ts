import { ApiClient, WarehouseFixture } from '@wo/testing';

/** A merchant-scoped token sees and changes only its merchants, through the gateway and on the services' own ports. */
describe('merchant isolation', () => {
  const admin = ApiClient.signedIn('admin');
  const workOrdersUrl = process.env['SERVICE_URL_WORK_ORDERS']!;
  const inventoryUrl = process.env['SERVICE_URL_INVENTORY']!;
  let own: WarehouseFixture;
  let other: WarehouseFixture;
  let merchant: ApiClient;
  let scopedPlanner: ApiClient;
  let otherOrder: any;
  let otherBom: any;
  let ownBom: any;

  const lines = { outputs: [{ sku: 'ISO-KIT', quantity: 1 }], materials: [{ sku: 'ISO-PART', quantity: 1 }] };

  beforeAll(async () => {
    own = await WarehouseFixture.create(admin, { skus: ['ISO-KIT', 'ISO-PART'] });
    other = await WarehouseFixture.create(admin, { skus: ['ISO-KIT', 'ISO-PART'] });
    await own.stock([{ sku: 'ISO-PART', locationCode: 'A-01', quantity: 5 }]);
    await other.stock([{ sku: 'ISO-PART', locationCode: 'A-01', quantity: 5 }]);
    otherOrder = await other.workOrder({ scheduledAt: '2030-01-01', ...lines });
    otherBom = (await admin.post('/boms', { merchantId: other.merchantId, name: 'Other kit', ...lines })).body;
    ownBom = (await admin.post('/boms', { merchantId: own.merchantId, name: 'Own kit', ...lines })).body;
    merchant = await ApiClient.as('merchant-user', { merchantIds: [own.merchantId] });
    scopedPlanner = await ApiClient.as('planner', { merchantIds: [own.merchantId] });
  });

  it('creates and confirms its own work orders, and is refused another merchant in the body', async () => {
    const created = await merchant.post('/work-orders', {
      merchantId: own.merchantId,
      warehouseId: own.warehouseId,
      name: 'Mine',
      scheduledAt: '2030-01-01',
      ...lines,
    });
    expect(created.status).toBe(201);
    expect((await merchant.post(`/work-orders/${created.body.id}/confirm`)).status).toBe(202);
    const refused = await merchant.post('/work-orders', {
      merchantId: other.merchantId,
      warehouseId: own.warehouseId,
      name: 'Theirs',
      scheduledAt: '2030-01-01',
      ...lines,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'merchantId' })]);
  });

  it.each([
    ['the gateway', () => merchant],
    ['the work-orders port', () => merchant.at(workOrdersUrl)],
  ])("never shows another merchant's orders or BOMs through %s", async (_where, client) => {
    const api = client();
    const list = await api.get(`/work-orders?pageSize=100&merchantId=${other.merchantId}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
    const all = await api.get('/work-orders?pageSize=100');
    expect(all.body.items.every((order: any) => order.merchantId === own.merchantId)).toBe(true);
    expect(all.body.items.length).toBeGreaterThan(0);
    expect((await api.get('/work-orders/status-counts')).body.counts).toBeDefined();
    expect((await api.get(`/work-orders/${otherOrder.id}`)).status).toBe(404);
    expect((await api.post(`/work-orders/${otherOrder.id}/confirm`)).status).toBe(404);
    const boms = await api.get('/boms');
    expect(boms.body.map((bom: any) => bom.id)).toEqual([ownBom.id]);
    expect((await api.get(`/boms/${otherBom.id}`)).status).toBe(404);
  });

  it.each([
    ['the gateway', () => merchant],
    ['the inventory port', () => merchant.at(inventoryUrl)],
  ])("never shows another merchant's reference data or stock through %s", async (_where, client) => {
    const api = client();
    expect((await api.get('/merchants')).body.map((row: any) => row.id)).toEqual([own.merchantId]);
    expect((await api.get(`/products?merchantId=${other.merchantId}`)).body).toEqual([]);
    expect((await api.get(`/inventory?warehouseId=${other.warehouseId}`)).body).toEqual([]);
    expect((await api.get(`/inventory/movements?warehouseId=${other.warehouseId}`)).body).toEqual([]);
    const stock = await api.get(`/inventory?warehouseId=${own.warehouseId}`);
    expect(stock.body.length).toBeGreaterThan(0);
  });

  it("a scoped planner cannot move its BOM to another merchant, touch another merchant's, or do every-merchant warehouse work", async () => {
    const moved = await scopedPlanner.put(`/boms/${ownBom.id}`, { merchantId: other.merchantId, name: 'Moved', ...lines });
    expect(moved.status).toBe(400);
    expect(moved.body.errors).toEqual([expect.objectContaining({ field: 'merchantId' })]);
    expect((await scopedPlanner.put(`/boms/${otherBom.id}`, { merchantId: own.merchantId, name: 'Taken', ...lines })).status).toBe(404);
    expect((await scopedPlanner.delete(`/boms/${otherBom.id}`)).status).toBe(404);
    expect((await scopedPlanner.post(`/work-orders/${otherOrder.id}/cancel`)).status).toBe(404);
    expect((await admin.get(`/boms/${otherBom.id}`)).body.merchantId).toBe(other.merchantId);
    expect((await scopedPlanner.get('/picking-lists')).status).toBe(403);
    expect((await scopedPlanner.get('/inbound-orders')).status).toBe(403);
  });

  it('a merchant user whose token names no merchant sees none', async () => {
    const nobody = await ApiClient.as('merchant-user');
    expect((await nobody.get('/merchants')).body).toEqual([]);
    expect((await nobody.get('/work-orders')).body.items).toEqual([]);
  });
});
