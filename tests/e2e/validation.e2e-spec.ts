import { ApiClient, WarehouseFixture } from '@wo/testing';

/** Bad input gets 400 with the field at fault and changes nothing; illegal actions get 409. */
describe('validation and refusals', () => {
  const api = ApiClient.signedIn('admin');
  let warehouse: WarehouseFixture;

  beforeAll(async () => {
    warehouse = await WarehouseFixture.create(api, { skus: ['PART', 'PRODUCT'] });
  });

  const valid = () => ({
    merchantId: warehouse.merchantId,
    warehouseId: warehouse.warehouseId,
    name: 'Valid order',
    outputs: [{ sku: 'PRODUCT', quantity: 1 }],
    materials: [{ sku: 'PART', quantity: 2 }],
  });

  async function countOrders(): Promise<number> {
    return (await api.get(`/work-orders?warehouseId=${warehouse.warehouseId}`)).body.total;
  }

  it.each([
    ['an unknown merchant', { merchantId: 'no-such-merchant' }, 'merchantId'],
    ['an unknown warehouse', { warehouseId: 'no-such-warehouse' }, 'warehouseId'],
    ['an unknown SKU', { materials: [{ sku: 'NOPE', quantity: 1 }] }, 'materials[0].sku'],
    ['a zero quantity', { materials: [{ sku: 'PART', quantity: 0 }] }, 'materials[0].quantity'],
    ['a fractional quantity', { outputs: [{ sku: 'PRODUCT', quantity: 1.5 }] }, 'outputs[0].quantity'],
    ['a negative quantity', { materials: [{ sku: 'PART', quantity: -3 }] }, 'materials[0].quantity'],
    ['an empty material list', { materials: [] }, 'materials'],
    ['an empty output list', { outputs: [] }, 'outputs'],
    ['a quantity given as text', { materials: [{ sku: 'PART', quantity: '2' }] }, 'materials[0].quantity'],
    ['a malformed scheduledAt', { scheduledAt: 'tomorrow' }, 'scheduledAt'],
    ['an unknown BOM', { outputs: undefined, materials: undefined, bom: { bomId: 'no-such-bom', sets: 1 } }, 'bom.bomId'],
  ])('refuses %s with 400 naming %s, and creates nothing', async (_case, change, field) => {
    const before = await countOrders();
    const response = await api.post('/work-orders', { ...valid(), ...change });
    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await countOrders()).toBe(before);
  });

  it('refuses malformed JSON with 400', async () => {
    const response = await api.sendRaw('POST', '/work-orders', '{"name": "broken"');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ status: 400, errors: [expect.objectContaining({ field: 'body' })] });
  });

  it('refuses a duplicate number with 400 on number, and suggests only unused numbers', async () => {
    const suggestion = await api.get(`/work-orders/number-suggestion?warehouseId=${warehouse.warehouseId}`);
    expect(suggestion.status).toBe(200);
    const first = await api.post('/work-orders', { ...valid(), number: suggestion.body.number });
    expect(first.status).toBe(201);
    expect(first.body.number).toBe(suggestion.body.number);
    const duplicate = await api.post('/work-orders', { ...valid(), number: suggestion.body.number });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.errors).toEqual([expect.objectContaining({ field: 'number' })]);
    const next = await api.get(`/work-orders/number-suggestion?warehouseId=${warehouse.warehouseId}`);
    expect(next.body.number).not.toBe(suggestion.body.number);
    // An order without a number never takes one that is already used.
    const numbered = await api.post('/work-orders', valid());
    expect(numbered.body.number).not.toBe(suggestion.body.number);
  });

  it('answers 404 for an unknown work order', async () => {
    const response = await api.post('/work-orders/no-such-order/confirm');
    expect(response.status).toBe(404);
  });

  it('answers 409 with the status and the allowed actions for an action the status does not allow', async () => {
    const order = (await api.post('/work-orders', valid())).body;
    expect((await api.post(`/work-orders/${order.id}/retry-allocation`)).body).toMatchObject({
      status: 409,
      workOrderStatus: 'DRAFT',
      allowedActions: ['edit', 'confirm', 'cancel'],
    });

    const canceled = await api.post(`/work-orders/${order.id}/cancel`);
    expect(canceled.body.status).toBe('CANCELED');
    for (const action of ['confirm', 'cancel', 'retry-allocation']) {
      const refused = await api.post(`/work-orders/${order.id}/${action}`);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ workOrderStatus: 'CANCELED', allowedActions: [] });
    }
    const edit = await api.patch(`/work-orders/${order.id}`, { name: 'too late' });
    expect(edit.status).toBe(409);
  });

  it('refuses any action while allocation is in flight, or once the order settled', async () => {
    const order = (await api.post('/work-orders', valid())).body;
    const confirmed = await api.post(`/work-orders/${order.id}/confirm`);
    expect(confirmed.status).toBe(202);
    const again = await api.post(`/work-orders/${order.id}/confirm`);
    expect(again.status).toBe(409);
    expect((await warehouse.settled(order.id)).status).toBe('OUT_OF_STOCK');
  });
});
