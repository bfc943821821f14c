import { ApiClient, eventually, WarehouseFixture } from '@wo/testing';
import { Lifecycle } from './support/lifecycle';

/**
 * Issue 13's lot story, end to end through the gateway (docs/decisions/0007-lots.md): a material in
 * two lots of different expiry (and an expired one), an order that reserves and picks the one that
 * expires first, completion that gives the gift boxes a lot, and the trace both ways: down from
 * the finished lot to the component lot, up from the component lot to the finished lot on its shelf.
 */
describe('lots: FEFO allocation, genealogy and the trace', () => {
  const api = ApiClient.signedIn('admin');
  let warehouse: WarehouseFixture;
  let flow: Lifecycle;
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const soon = day(20);
  const late = day(200);

  beforeAll(async () => {
    warehouse = await WarehouseFixture.create(api, {
      skus: ['TEA', 'MUG', 'GIFT-BOX'],
      locations: ['A-01', 'A-02', 'B-01', 'FG-01'],
      lotTracked: ['TEA', 'GIFT-BOX'],
    });
    flow = new Lifecycle(api, warehouse);
    await warehouse.stock([
      // The later lot sits at the first bin of the walk: allocation must pass it over for the earlier one.
      { sku: 'TEA', locationCode: 'A-01', quantity: 10, lot: { code: 'TEA-LATE', expiresOn: late } },
      { sku: 'TEA', locationCode: 'A-01', quantity: 10, lot: { code: 'TEA-OLD', expiresOn: day(-1) } },
      { sku: 'TEA', locationCode: 'A-02', quantity: 10, lot: { code: 'TEA-SOON', expiresOn: soon } },
      { sku: 'MUG', locationCode: 'B-01', quantity: 10 },
    ]);
  });

  it('reserves and picks the lot that expires first, never the expired one, and traces the finished lot both ways', async () => {
    const stock = await warehouse.inventoryOf('TEA');
    // The expired lot is on hand but not available.
    expect(stock).toMatchObject({ onHand: 30, available: 20 });

    const order = await flow.allocatedOrder(
      [
        { sku: 'TEA', quantity: 6 },
        { sku: 'MUG', quantity: 2 },
      ],
      [{ sku: 'GIFT-BOX', quantity: 2 }],
    );
    const tea = order.reservations.find((reservation: any) => reservation.sku === 'TEA');
    expect(tea.allocations).toEqual([{ locationCode: 'A-02', quantity: 6, lot: 'TEA-SOON', expiresOn: soon }]);

    expect((await api.post(`/work-orders/${order.id}/picking-lists`)).status).toBe(202);
    await flow.orderIn(order.id, 'PROCESSING');
    const list = await flow.listOf(order.id);
    expect(list.lines.map((line: any) => [line.locationCode, line.sku, line.lot, line.quantity])).toEqual([
      ['A-02', 'TEA', 'TEA-SOON', 6],
      ['B-01', 'MUG', null, 2],
    ]);
    await flow.pick(list.id);
    await flow.completable(order.id);
    expect((await api.post(`/work-orders/${order.id}/complete`)).status).toBe(202);
    const completed = await warehouse.settled(order.id);
    expect(completed.status).toBe('COMPLETED');

    // The finished goods are expected as a lot named after the order; received and put away as such.
    const inboundId = completed.inboundOrder.id;
    const inbound = (await api.get(`/inbound-orders/${inboundId}`)).body;
    expect(inbound.lines).toEqual([expect.objectContaining({ sku: 'GIFT-BOX', lot: order.number, expected: 2 })]);
    expect((await api.post(`/inbound-orders/${inboundId}/receive`, { lines: [{ sku: 'GIFT-BOX', quantity: 2, expiresOn: late }] })).status).toBe(200);
    expect((await api.post(`/inbound-orders/${inboundId}/putaway`, { lines: [{ sku: 'GIFT-BOX', quantity: 2, locationCode: 'FG-01' }] })).status).toBe(200);

    // The ledger names the lot taken.
    const consumption = (await api.get(`/inventory/movements?warehouseId=${warehouse.warehouseId}&sku=TEA&reference=${order.id}`)).body;
    expect(consumption).toEqual([expect.objectContaining({ kind: 'CONSUMPTION', locationCode: 'A-02', lot: 'TEA-SOON', quantity: -6 })]);

    const trace = (lot: string, sku: string, direction: 'down' | 'up') =>
      api.get(`/traceability/lots?merchantId=${warehouse.merchantId}&sku=${sku}&lot=${encodeURIComponent(lot)}&direction=${direction}`);

    // Down from the finished lot: the order that made it, its documents and the component lots.
    const down = await eventually(
      () => trace(order.number, 'GIFT-BOX', 'down'),
      // Put away means on hand under the lot, with the expiry the receiver gave (one transaction; the trace reads it in several).
      (response) =>
        response.status === 200 &&
        response.body.expiresOn !== null &&
        response.body.workOrders.length === 1 &&
        response.body.workOrders[0].outputs[0]?.onHand.length === 1,
      { what: 'the finished lot to be traceable down, put away' },
    );
    expect(down.body).toMatchObject({ sku: 'GIFT-BOX', lot: order.number, direction: 'down', expiresOn: late });
    const made = down.body.workOrders[0];
    expect(made).toMatchObject({ workOrderId: order.id, number: order.number, inboundOrderId: inboundId, pickingListIds: [list.id] });
    expect(made.components).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sku: 'TEA', lot: 'TEA-SOON', expiresOn: soon, quantity: 6, locations: [{ locationCode: 'A-02', quantity: 6 }] }),
        expect.objectContaining({ sku: 'MUG', lot: null, quantity: 2 }),
      ]),
    );
    expect(made.components).toHaveLength(2);

    // Up from the component lot: the finished lot it went into, and where that lot sits now.
    const up = await trace('TEA-SOON', 'TEA', 'up');
    expect(up.status).toBe(200);
    expect(up.body.workOrders).toEqual([
      expect.objectContaining({
        workOrderId: order.id,
        outputs: [
          expect.objectContaining({
            sku: 'GIFT-BOX',
            lot: order.number,
            quantity: 2,
            putAway: [{ locationCode: 'FG-01', quantity: 2 }],
            onHand: [{ locationCode: 'FG-01', quantity: 2 }],
          }),
        ],
      }),
    ]);

    // The lot that was not used leads nowhere; an unknown lot is not found.
    expect((await trace('TEA-LATE', 'TEA', 'up')).body.workOrders).toEqual([]);
    const unknown = await trace('NO-SUCH-LOT', 'TEA', 'up');
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toContain('application/problem+json');
  });
});
