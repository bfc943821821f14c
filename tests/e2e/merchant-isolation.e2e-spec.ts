import { ApiClient, WarehouseFixture } from '@wo/testing';
import { Lifecycle } from './support/lifecycle';

/** A merchant-scoped token sees and changes only its merchants, through the gateway and on the services' own ports. */
describe('merchant isolation', () => {
  const admin = ApiClient.signedIn('admin');
  const workOrdersUrl = process.env['SERVICE_URL_WORK_ORDERS']!;
  const inventoryUrl = process.env['SERVICE_URL_INVENTORY']!;
  const inboundUrl = process.env['SERVICE_URL_INBOUND']!;
  const pickingUrl = process.env['SERVICE_URL_PICKING']!;
  let own: WarehouseFixture;
  let other: WarehouseFixture;
  let merchant: ApiClient;
  let scopedPlanner: ApiClient;
  let otherOrder: any;
  let otherBom: any;
  let ownBom: any;
  /** Per merchant: a completed order's finished-goods inbound order, and an Allocated order waiting for picking. */
  let ownInbound: string;
  let otherInbound: string;
  let ownWaiting: any;
  let otherWaiting: any;

  const lines = { outputs: [{ sku: 'ISO-KIT', quantity: 1 }], materials: [{ sku: 'ISO-PART', quantity: 1 }] };

  beforeAll(async () => {
    own = await WarehouseFixture.create(admin, { skus: ['ISO-KIT', 'ISO-PART'] });
    other = await WarehouseFixture.create(admin, { skus: ['ISO-KIT', 'ISO-PART'] });
    await own.stock([{ sku: 'ISO-PART', locationCode: 'A-01', quantity: 5 }]);
    await other.stock([{ sku: 'ISO-PART', locationCode: 'A-01', quantity: 5 }]);
    otherOrder = await other.workOrder({ scheduledAt: '2030-01-01', ...lines });
    otherBom = (await admin.post('/boms', { merchantId: other.merchantId, name: 'Other kit', ...lines })).body;
    ownBom = (await admin.post('/boms', { merchantId: own.merchantId, name: 'Own kit', ...lines })).body;
    // Two of each merchant's orders: one completed (its inbound order), one Allocated (its picking requests and reservations).
    const completedInbound = async (fixture: WarehouseFixture) => {
      const flow = new Lifecycle(admin, fixture);
      const order = await flow.allocatedOrder([{ sku: 'ISO-PART', quantity: 1 }], [{ sku: 'ISO-KIT', quantity: 1 }]);
      expect((await admin.post(`/work-orders/${order.id}/picking-lists`)).status).toBe(202);
      await flow.orderIn(order.id, 'PROCESSING');
      await flow.pick((await flow.listOf(order.id)).id);
      await flow.completable(order.id);
      expect((await admin.post(`/work-orders/${order.id}/complete`)).status).toBe(202);
      return (await flow.orderIn(order.id, 'COMPLETED', (done) => done.inboundOrder !== null)).inboundOrder.id as string;
    };
    [ownInbound, otherInbound] = await Promise.all([completedInbound(own), completedInbound(other)]);
    [ownWaiting, otherWaiting] = await Promise.all([
      new Lifecycle(admin, own).allocatedOrder([{ sku: 'ISO-PART', quantity: 1 }], [{ sku: 'ISO-KIT', quantity: 1 }]),
      new Lifecycle(admin, other).allocatedOrder([{ sku: 'ISO-PART', quantity: 1 }], [{ sku: 'ISO-KIT', quantity: 1 }]),
    ]);
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
    // Inbound orders are one merchant's each: a scoped planner reads its own, filtered.
    const inbound = await scopedPlanner.get('/inbound-orders?pageSize=100');
    expect(inbound.status).toBe(200);
    expect(inbound.body.map((order: any) => order.id)).toEqual([ownInbound]);
  });

  it.each([
    ['the gateway', () => merchant],
    ['the inbound port', () => merchant.at(inboundUrl)],
  ])('reads its own inbound orders, never another merchant’s, and may not receive or put away, through %s', async (_where, client) => {
    const api = client();
    const list = await api.get('/inbound-orders?pageSize=100');
    expect(list.status).toBe(200);
    expect(list.headers?.get('x-total-count')).toBe('1');
    expect(list.body.map((order: any) => [order.id, order.merchantId])).toEqual([[ownInbound, own.merchantId]]);
    expect((await api.get(`/inbound-orders?pageSize=100&warehouseId=${other.warehouseId}`)).body).toEqual([]);
    expect((await api.get(`/inbound-orders?workOrderId=${otherWaiting.id}`)).body).toEqual([]);
    const detail = await api.get(`/inbound-orders/${ownInbound}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: ownInbound, merchantId: own.merchantId, status: 'PENDING' });
    expect((await api.get(`/inbound-orders/${otherInbound}`)).status).toBe(404);
    // Receiving and putaway are the warehouse's work: refused, and nothing changes.
    const receive = await api.post(`/inbound-orders/${ownInbound}/receive`, { lines: [{ sku: 'ISO-KIT', quantity: 1 }] });
    expect(receive.status).toBe(403);
    const putAway = await api.post(`/inbound-orders/${ownInbound}/putaway`, { lines: [{ sku: 'ISO-KIT', quantity: 1, locationCode: 'FG-01' }] });
    expect(putAway.status).toBe(403);
    expect((await admin.get(`/inbound-orders/${ownInbound}`)).body.lines).toEqual([expect.objectContaining({ received: 0, putAway: 0 })]);
  });

  it.each([
    ['the gateway', () => merchant],
    ['the picking port', () => merchant.at(pickingUrl)],
  ])('reads its own orders’ picking requests only, and no picking list, through %s', async (_where, client) => {
    const api = client();
    const waiting = await api.get(`/picking-requests?warehouseId=${own.warehouseId}`);
    expect(waiting.status).toBe(200);
    expect(waiting.body.map((request: any) => request.workOrderId)).toContain(ownWaiting.id);
    expect(waiting.body.every((request: any) => request.merchantId === own.merchantId)).toBe(true);
    expect((await api.get(`/picking-requests?warehouseId=${other.warehouseId}`)).body).toEqual([]);
    // Staff see the other merchant's request: it is there, only not for this token.
    expect((await admin.get(`/picking-requests?warehouseId=${other.warehouseId}`)).body.map((request: any) => request.workOrderId)).toContain(otherWaiting.id);
    expect((await api.get('/picking-lists')).status).toBe(403);
    expect((await api.post('/picking-lists', { warehouseId: own.warehouseId, workOrderIds: [ownWaiting.id] })).status).toBe(403);
  });

  it.each([
    ['the gateway', () => merchant],
    ['the inventory port', () => merchant.at(inventoryUrl)],
  ])('reads its own reservations only through %s', async (_where, client) => {
    const api = client();
    const mine = await api.get(`/inventory/reservations?workOrderId=${ownWaiting.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual([expect.objectContaining({ workOrderId: ownWaiting.id, merchantId: own.merchantId, status: 'RESERVED' })]);
    expect((await api.get(`/inventory/reservations?workOrderId=${otherWaiting.id}`)).body).toEqual([]);
    const all = await api.get('/inventory/reservations?pageSize=500');
    expect(all.body.length).toBeGreaterThan(0);
    expect(all.body.every((reservation: any) => reservation.merchantId === own.merchantId)).toBe(true);
  });

  it('a merchant user whose token names no merchant sees none', async () => {
    const nobody = await ApiClient.as('merchant-user');
    expect((await nobody.get('/merchants')).body).toEqual([]);
    expect((await nobody.get('/work-orders')).body.items).toEqual([]);
    expect((await nobody.get('/inbound-orders')).body).toEqual([]);
    expect((await nobody.get(`/inbound-orders/${ownInbound}`)).status).toBe(404);
    expect((await nobody.get(`/picking-requests?warehouseId=${own.warehouseId}`)).body).toEqual([]);
    expect((await nobody.get('/inventory/reservations')).body).toEqual([]);
  });
});
