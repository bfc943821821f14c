import {
  bomListSchema,
  bomSchema,
  inboundOrderListSchema,
  inboundOrderSchema,
  locationSchema,
  merchantListSchema,
  merchantSchema,
  numberSuggestionSchema,
  pickingListListSchema,
  pickingListSchema,
  pickingRequestListSchema,
  problemDetailsSchema,
  productListSchema,
  productSchema,
  sagaListSchema,
  sagaSchema,
  stockAdjustmentSchema,
  stockMovementListSchema,
  stockReservationListSchema,
  stockRowListSchema,
  warehouseListSchema,
  warehouseSchema,
  workOrderActionAcceptedSchema,
  workOrderDetailSchema,
  workOrderListSchema,
  workOrderStatusCountsSchema,
  type WorkOrderDetail,
} from '@wo/contracts/rest';
import { ApiClient, eventually, type ApiResponse } from '@wo/testing';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';

/**
 * The REST contract holds: a whole lifecycle through the gateway, and every answer parsed with the
 * schema the console reads it with (`@wo/contracts/rest`), so a drift fails here with zod's error.
 */
describe('the REST contract', () => {
  const api = ApiClient.signedIn('admin');
  const tag = randomUUID().slice(0, 8);
  const ctx = {} as { merchantId: string; warehouseId: string; bomId: string; orderId: string; shortId: string; listId: string; inboundId: string };

  /** Expects the status, then parses the body with the schema (a mismatch throws zod's error). */
  async function answer<T extends z.ZodType>(request: Promise<ApiResponse>, status: number, schema: T): Promise<z.infer<T>> {
    const response = await request;
    if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
    return schema.parse(response.body);
  }

  const detailOf = (id: string) => answer(api.get(`/work-orders/${id}`), 200, workOrderDetailSchema);
  const settledIn = (id: string, status: string, extra: (order: WorkOrderDetail) => boolean = () => true) =>
    eventually(
      () => detailOf(id),
      (order) => order.status === status && order.pendingAction === null && extra(order),
      { what: `work order ${id} to be ${status}` },
    );

  it('registers reference data', async () => {
    ctx.merchantId = (await answer(api.post('/merchants', { name: `Contract ${tag}` }), 201, merchantSchema)).id;
    expect((await answer(api.get('/merchants'), 200, merchantListSchema)).some((merchant) => merchant.id === ctx.merchantId)).toBe(true);

    const warehouse = await answer(api.post('/warehouses', { code: `CT-${tag}`, name: `Contract ${tag}`, locations: ['A-01', 'B-01'] }), 201, warehouseSchema);
    ctx.warehouseId = warehouse.id;
    expect(await answer(api.post(`/warehouses/${warehouse.id}/locations`, { code: 'C-01' }), 201, locationSchema)).toEqual({
      warehouseId: warehouse.id,
      code: 'C-01',
    });
    expect((await answer(api.get('/warehouses'), 200, warehouseListSchema)).find((found) => found.id === warehouse.id)?.locations).toEqual([
      'A-01',
      'B-01',
      'C-01',
    ]);

    for (const sku of ['BOX', 'SOAP', 'GIFT-SET', 'RARE'])
      await answer(api.post('/products', { merchantId: ctx.merchantId, sku, name: `${sku} item` }), 201, productSchema);
    expect((await answer(api.get(`/products?merchantId=${ctx.merchantId}&q=so`), 200, productListSchema)).map((product) => product.sku)).toEqual(['SOAP']);
  });

  it('adjusts stock and answers the inventory', async () => {
    const key = { warehouseId: ctx.warehouseId, merchantId: ctx.merchantId };
    await answer(api.post('/inventory/adjustments', { ...key, sku: 'BOX', locationCode: 'A-01', quantity: 20, reason: 'restock' }), 201, stockAdjustmentSchema);
    const soap = await answer(
      api.post('/inventory/adjustments', { ...key, sku: 'SOAP', locationCode: 'B-01', quantity: 10, reason: 'restock' }),
      201,
      stockAdjustmentSchema,
    );
    expect(soap).toMatchObject({ onHand: 10, reserved: 0 });
    const rows = await answer(api.get(`/inventory?warehouseId=${ctx.warehouseId}`), 200, stockRowListSchema);
    expect(rows.map((row) => [row.sku, row.available])).toEqual([
      ['BOX', 20],
      ['SOAP', 10],
    ]);
  });

  it('keeps BOMs', async () => {
    const recipe = {
      merchantId: ctx.merchantId,
      name: `Gift ${tag}`,
      outputs: [{ sku: 'GIFT-SET', quantity: 1 }],
      materials: [
        { sku: 'BOX', quantity: 1 },
        { sku: 'SOAP', quantity: 2 },
      ],
    };
    // Work-orders learns the products from Kafka: the first BOM is accepted once it has.
    const created = await eventually(
      () => api.post('/boms', recipe),
      (response) => response.status === 201,
      { what: 'the products to reach work-orders' },
    );
    ctx.bomId = bomSchema.parse(created.body).id;
    await answer(api.put(`/boms/${ctx.bomId}`, { ...recipe, name: `Gift set ${tag}` }), 200, bomSchema);
    expect((await answer(api.get(`/boms/${ctx.bomId}`), 200, bomSchema)).name).toBe(`Gift set ${tag}`);
    expect((await answer(api.get(`/boms?merchantId=${ctx.merchantId}`), 200, bomListSchema)).map((bom) => bom.id)).toEqual([ctx.bomId]);
    const scratch = await answer(api.post('/boms', { ...recipe, name: 'scratch' }), 201, bomSchema);
    expect((await api.delete(`/boms/${scratch.id}`)).status).toBe(204);
  });

  it('creates a work order from the BOM and lists it', async () => {
    await answer(api.get(`/work-orders/number-suggestion?warehouseId=${ctx.warehouseId}`), 200, numberSuggestionSchema);
    const order = await answer(
      api.post('/work-orders', {
        merchantId: ctx.merchantId,
        warehouseId: ctx.warehouseId,
        name: `Contract ${tag}`,
        scheduledAt: '2026-12-20',
        bom: { bomId: ctx.bomId, sets: 2 },
      }),
      201,
      workOrderDetailSchema,
    );
    ctx.orderId = order.id;
    expect(order).toMatchObject({
      status: 'DRAFT',
      scheduledAt: '2026-12-20T00:00:00.000Z',
      bom: { bomId: ctx.bomId, sets: 2 },
      materials: [
        { sku: 'BOX', quantity: 2 },
        { sku: 'SOAP', quantity: 4 },
      ],
    });
    const list = await answer(api.get(`/work-orders?warehouseId=${ctx.warehouseId}`), 200, workOrderListSchema);
    expect(list.items.map((item) => item.id)).toEqual([order.id]);
    const patched = await answer(api.patch(`/work-orders/${order.id}`, { name: `Contract order ${tag}` }), 200, workOrderDetailSchema);
    expect(patched.name).toBe(`Contract order ${tag}`);
  });

  it('confirms it to Allocated', async () => {
    const accepted = await answer(api.post(`/work-orders/${ctx.orderId}/confirm`), 202, workOrderActionAcceptedSchema);
    expect(accepted).toMatchObject({ status: 'DRAFT', pendingAction: 'allocating', links: { self: `/work-orders/${ctx.orderId}` } });
    const allocated = await settledIn(ctx.orderId, 'ALLOCATED');
    expect(allocated.reservations.map((reservation) => [reservation.sku, reservation.quantity])).toEqual([
      ['BOX', 2],
      ['SOAP', 4],
    ]);
    expect(allocated.allowedActions).toEqual(['createPickingList', 'cancel']);
  });

  it('answers conflicts, bad input and unknown ids as problem details', async () => {
    const conflict = await answer(api.post(`/work-orders/${ctx.orderId}/confirm`), 409, problemDetailsSchema);
    expect(conflict).toMatchObject({ workOrderStatus: 'ALLOCATED', allowedActions: ['createPickingList', 'cancel'] });
    const invalid = await answer(api.post('/work-orders', {}), 400, problemDetailsSchema);
    expect(invalid.errors?.map((error) => error.field)).toContain('warehouseId');
    await answer(api.get(`/work-orders/${randomUUID()}`), 404, problemDetailsSchema);
  });

  it('takes an order short of stock to Out of Stock with its shortages', async () => {
    const short = await answer(
      api.post('/work-orders', {
        merchantId: ctx.merchantId,
        warehouseId: ctx.warehouseId,
        name: `Short ${tag}`,
        outputs: [{ sku: 'GIFT-SET', quantity: 1 }],
        materials: [{ sku: 'RARE', quantity: 3 }],
      }),
      201,
      workOrderDetailSchema,
    );
    ctx.shortId = short.id;
    await answer(api.post(`/work-orders/${short.id}/confirm`), 202, workOrderActionAcceptedSchema);
    const outOfStock = await settledIn(short.id, 'OUT_OF_STOCK');
    expect(outOfStock.shortages).toEqual([{ sku: 'RARE', requested: 3, available: 0 }]);
    expect(outOfStock.allowedActions).toEqual(['edit', 'retryAllocation', 'cancel']);
    const counts = await answer(api.get(`/work-orders/status-counts?warehouseId=${ctx.warehouseId}`), 200, workOrderStatusCountsSchema);
    expect(counts.counts).toMatchObject({ ALLOCATED: 1, OUT_OF_STOCK: 1, DRAFT: 0 });
    await answer(api.post(`/work-orders/${short.id}/cancel`), 202, workOrderActionAcceptedSchema);
  });

  it('picks the materials: requests, a list started and done, blocked actions while picking', async () => {
    const requests = await eventually(
      () => answer(api.get(`/picking-requests?warehouseId=${ctx.warehouseId}`), 200, pickingRequestListSchema),
      (found) => found.some((request) => request.workOrderId === ctx.orderId),
      { what: 'the order in the picking requests' },
    );
    expect(requests.find((request) => request.workOrderId === ctx.orderId)?.materials.map((material) => material.sku)).toEqual(['BOX', 'SOAP']);

    const list = await answer(api.post('/picking-lists', { warehouseId: ctx.warehouseId, workOrderIds: [ctx.orderId] }), 201, pickingListSchema);
    ctx.listId = list.id;
    expect(list.lines.map((line) => [line.locationCode, line.sku, line.quantity])).toEqual([
      ['A-01', 'BOX', 2],
      ['B-01', 'SOAP', 4],
    ]);
    await answer(api.post(`/picking-lists/${list.id}/start`, { picker: 'Pat' }), 200, pickingListSchema);

    const processing = await settledIn(ctx.orderId, 'PROCESSING', (order) => order.pickingLists.some((found) => found.status === 'IN_PROGRESS'));
    expect(processing.allowedActions).toEqual([]);
    expect(processing.blockedActions).toEqual([
      { action: 'complete', reason: 'Picking is not done yet: every picking list must be done before the order can be completed.' },
      { action: 'cancel', reason: 'A picking list is in progress: cancel it in Picking Lists first.' },
    ]);

    const done = await answer(api.post(`/picking-lists/${list.id}/complete`), 200, pickingListSchema);
    expect(done).toMatchObject({ status: 'DONE', progress: { picked: 6, total: 6 } });
    await answer(api.get(`/picking-lists/${list.id}`), 200, pickingListSchema);
    expect((await answer(api.get(`/picking-lists?workOrderId=${ctx.orderId}`), 200, pickingListListSchema)).map((found) => found.id)).toEqual([list.id]);
  });

  it('completes the order', async () => {
    const completable = await settledIn(ctx.orderId, 'PROCESSING', (order) => order.allowedActions.includes('complete'));
    expect(completable.blockedActions).toEqual([{ action: 'cancel', reason: 'A picking list is in progress: cancel it in Picking Lists first.' }]);
    await answer(api.post(`/work-orders/${ctx.orderId}/complete`), 202, workOrderActionAcceptedSchema);
    const completed = await settledIn(ctx.orderId, 'COMPLETED', (order) => order.inboundOrder !== null);
    expect(completed.blockedActions).toEqual([]);
    ctx.inboundId = completed.inboundOrder!.id;
  });

  it('receives and puts away the finished goods', async () => {
    const listed = await answer(api.get(`/inbound-orders?workOrderId=${ctx.orderId}`), 200, inboundOrderListSchema);
    expect(listed.map((order) => order.id)).toEqual([ctx.inboundId]);
    expect(
      await answer(api.post(`/inbound-orders/${ctx.inboundId}/receive`, { lines: [{ sku: 'GIFT-SET', quantity: 2 }] }), 200, inboundOrderSchema),
    ).toMatchObject({ status: 'RECEIVED' });
    const putAway = await answer(
      api.post(`/inbound-orders/${ctx.inboundId}/putaway`, { lines: [{ sku: 'GIFT-SET', quantity: 2, locationCode: 'C-01' }] }),
      200,
      inboundOrderSchema,
    );
    expect(putAway).toMatchObject({ status: 'PUT_AWAY', putaways: [{ sku: 'GIFT-SET', locationCode: 'C-01', quantity: 2 }] });
    await answer(api.get(`/inbound-orders/${ctx.inboundId}`), 200, inboundOrderSchema);
    await settledIn(ctx.orderId, 'COMPLETED', (order) => order.inboundOrder?.status === 'PUT_AWAY');
  });

  it('answers the sagas', async () => {
    const sagas = await answer(api.get(`/sagas?workOrderId=${ctx.orderId}`), 200, sagaListSchema);
    expect(sagas.items.map((saga) => [saga.type, saga.state])).toEqual([
      ['completion', 'FINISHED'],
      ['allocation', 'FINISHED'],
    ]);
    const saga = await answer(api.get(`/sagas/${sagas.items[0]!.id}`), 200, sagaSchema);
    expect(saga.steps.length).toBeGreaterThan(0);
    // Each reply is a step of the timeline, with its message id; the end names the reply that led to it.
    const allocation = await answer(api.get(`/sagas/${sagas.items[1]!.id}`), 200, sagaSchema);
    const replies = allocation.steps.filter((step) => step.event === 'reply');
    expect(replies.length).toBeGreaterThan(0);
    // The start names the commands it sent by message id: one for the order (ReserveStock v2), answered by one reply.
    const sent = allocation.steps[0]!.detail as { commands: string[]; messageIds: string[] };
    expect(allocation.steps[0]!.event).toBe('started');
    expect(sent.messageIds).toHaveLength(sent.commands.length);
    expect(sent.commands.length).toBe(replies.length);
    for (const reply of replies) expect(reply.detail).toMatchObject({ type: 'inventory.StockReserved', messageId: expect.any(String) });
    expect(allocation.steps.at(-1)).toMatchObject({ event: 'finished', detail: { messageId: replies.at(-1)!.detail['messageId'] } });
    await answer(api.get(`/sagas?workOrderId=${ctx.shortId}&type=allocation`), 200, sagaListSchema);
    // Bounded by when they started: the allocation's start lies inside [its start, its start], outside a window before it.
    const started = sagas.items[1]!.createdAt;
    const inWindow = await answer(
      api.get(`/sagas?workOrderId=${ctx.orderId}&startedFrom=${encodeURIComponent(started)}&startedTo=${encodeURIComponent(started)}`),
      200,
      sagaListSchema,
    );
    expect(inWindow.items.map((found) => found.id)).toEqual([sagas.items[1]!.id]);
    const before = new Date(Date.parse(started) - 60_000).toISOString();
    expect((await answer(api.get(`/sagas?workOrderId=${ctx.orderId}&startedTo=${before}`), 200, sagaListSchema)).items).toEqual([]);
    const reversed = await api.get(`/sagas?startedFrom=${encodeURIComponent(started)}&startedTo=${before}`);
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors).toEqual([{ field: 'query.startedTo', message: 'must not be before startedFrom' }]);
    const yearZero = await api.get('/sagas?startedFrom=0000-01-01T00:00:00Z');
    expect(yearZero.status).toBe(400);
    expect(yearZero.body.errors[0].field).toBe('query.startedFrom');
  });

  it('answers the stock, the ledger and the reservations as they ended', async () => {
    const stock = await eventually(
      () => answer(api.get(`/inventory?warehouseId=${ctx.warehouseId}&merchantId=${ctx.merchantId}`), 200, stockRowListSchema),
      (rows) => rows.some((row) => row.sku === 'GIFT-SET'),
      { what: 'the finished goods on the shelf' },
    );
    expect(stock.map((row) => [row.sku, row.onHand, row.reserved])).toEqual([
      ['BOX', 18, 0],
      ['GIFT-SET', 2, 0],
      ['SOAP', 6, 0],
    ]);
    const movements = await answer(api.get(`/inventory/movements?warehouseId=${ctx.warehouseId}`), 200, stockMovementListSchema);
    // The two consumptions are applied concurrently: compare the ledger in a fixed order.
    expect(movements.map((movement) => [movement.kind, movement.sku, movement.quantity]).sort()).toEqual([
      ['ADJUSTMENT', 'BOX', 20],
      ['ADJUSTMENT', 'SOAP', 10],
      ['CONSUMPTION', 'BOX', -2],
      ['CONSUMPTION', 'SOAP', -4],
      ['PUTAWAY', 'GIFT-SET', 2],
    ]);
    const reservations = await answer(api.get(`/inventory/reservations?workOrderId=${ctx.orderId}`), 200, stockReservationListSchema);
    expect(reservations.map((reservation) => [reservation.sku, reservation.status]).sort()).toEqual([
      ['BOX', 'CONSUMED'],
      ['SOAP', 'CONSUMED'],
    ]);
    await answer(api.get(`/inventory/reservations?workOrderId=${ctx.shortId}&status=REJECTED`), 200, stockReservationListSchema);
  });
});
