import type { Envelope } from '@wo/contracts/envelope';
import {
  lotTraceSchema,
  productListSchema,
  stockAdjustmentSchema,
  stockMovementListSchema,
  stockReservationListSchema,
  stockRowListSchema,
} from '@wo/contracts/rest';
import { WorkOrderCompleted } from '@wo/contracts/work-orders';
import { ApiClient, eventually, WarehouseFixture } from '@wo/testing';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Lifecycle } from './support/lifecycle';

/** A day `offset` days from today (UTC), `YYYY-MM-DD`. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Lots through the gateway and real Kafka (docs/decisions/0007-lots.md): a lot-tracked product,
 * adjustments naming lots and each refusal naming its field, stock broken down by location and
 * lot, a confirmed work order taking the earliest expiry (never an expired lot), the reservation
 * and the order naming the lots, and the lot trace of a completion (WorkOrderCompleted v2 on the
 * real topic, delivered more than once).
 */
describe('lots: FEFO allocation and the lot trace', () => {
  const api = ApiClient.signedIn('admin');
  let warehouse: WarehouseFixture;
  let flow: Lifecycle;

  beforeAll(async () => {
    warehouse = await WarehouseFixture.create(api, { skus: ['CREAM', 'BOX', 'KIT'], lotTracked: ['CREAM'] });
    flow = new Lifecycle(api, warehouse);
  });

  const adjust = (body: Record<string, unknown>) =>
    api.post('/inventory/adjustments', { warehouseId: warehouse.warehouseId, merchantId: warehouse.merchantId, reason: 'lot test', ...body });
  /** Publishes envelopes on the public work-order topic, as work-orders' relay does (the envelope is the value). */
  async function publish(...envelopes: Envelope[]): Promise<void> {
    const kafka = new Kafka({ clientId: 'e2e-lots', brokers: process.env['KAFKA_BROKERS_E2E']!.split(','), logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    try {
      const topic = `${process.env['E2E_TOPIC_PREFIX']!}work-orders.events`;
      await producer.send({
        topic,
        messages: envelopes.map((envelope) => ({
          key: envelope.key,
          value: JSON.stringify(envelope),
          headers: { 'message-id': envelope.id, 'message-type': envelope.type },
        })),
      });
    } finally {
      await producer.disconnect();
    }
  }
  const fieldsOf = (response: { body: { errors?: { field: string }[] } }) => response.body.errors?.map((error) => error.field);

  it('registers a lot-tracked product and answers lotTracked for every product', async () => {
    const products = await api.get(`/products?merchantId=${warehouse.merchantId}`);
    expect(productListSchema.parse(products.body)).toHaveLength(3);
    expect(products.body.map((product: { sku: string; lotTracked: boolean }) => [product.sku, product.lotTracked])).toEqual([
      ['BOX', false],
      ['CREAM', true],
      ['KIT', false],
    ]);
  });

  it('adjusts per lot, and refuses a missing lot, a lot on an untracked SKU and a known lot with another expiry, changing nothing', async () => {
    const late = await adjust({ sku: 'CREAM', locationCode: 'A-01', quantity: 10, lot: { code: 'L-LATE', expiresOn: day(200) } });
    expect(late.status).toBe(201);
    stockAdjustmentSchema.parse(late.body);
    expect(late.body).toMatchObject({ sku: 'CREAM', locationCode: 'A-01', lot: 'L-LATE', expiresOn: day(200), onHand: 10, reserved: 0 });
    expect((await adjust({ sku: 'CREAM', locationCode: 'A-02', quantity: 4, lot: { code: 'L-SOON', expiresOn: day(10) } })).status).toBe(201);
    // Expired stock can be put on the books (and corrected): it is never reserved.
    expect((await adjust({ sku: 'CREAM', locationCode: 'B-01', quantity: 20, lot: { code: 'L-GONE', expiresOn: day(-3) } })).status).toBe(201);
    expect((await adjust({ sku: 'BOX', locationCode: 'A-01', quantity: 30 })).body).toMatchObject({ lot: null, expiresOn: null, onHand: 30 });
    const before = await warehouse.inventoryOf('CREAM');

    for (const [body, field] of [
      [{ sku: 'CREAM', locationCode: 'A-01', quantity: 5 }, 'lot'],
      [{ sku: 'BOX', locationCode: 'A-01', quantity: 5, lot: { code: 'B-1' } }, 'lot'],
      [{ sku: 'CREAM', locationCode: 'A-02', quantity: 5, lot: { code: 'L-SOON', expiresOn: day(11) } }, 'lot.expiresOn'],
      [{ sku: 'CREAM', locationCode: 'A-02', quantity: 5, lot: { code: 'has space' } }, 'lot.code'],
      [{ sku: 'CREAM', locationCode: 'A-02', quantity: 5, lot: { code: 'L-X', expiresOn: '2027-02-30' } }, 'lot.expiresOn'],
    ] as const) {
      const refused = await adjust(body);
      expect({ body, status: refused.status, fields: fieldsOf(refused) }).toEqual({ body, status: 400, fields: [field] });
      expect(refused.contentType).toMatch(/application\/problem\+json/);
    }
    // A known lot named without its expiry keeps it; a correction takes from that bin's lot.
    const corrected = await adjust({ sku: 'CREAM', locationCode: 'A-01', quantity: -1, lot: { code: 'L-LATE' } });
    expect(corrected.body).toMatchObject({ lot: 'L-LATE', expiresOn: day(200), quantity: -1, onHand: 9 });
    expect(await warehouse.inventoryOf('CREAM')).toMatchObject({ onHand: before.onHand - 1 });
  });

  it('breaks stock down by location and lot, earliest expiry first, expired lots flagged and left out of available', async () => {
    const response = await api.get(`/inventory?warehouseId=${warehouse.warehouseId}&merchantId=${warehouse.merchantId}&sku=CREAM`);
    expect(stockRowListSchema.safeParse(response.body).success).toBe(true);
    const [row] = response.body;
    expect(row).toMatchObject({ lotTracked: true, onHand: 33, reserved: 0, available: 13 });
    expect(row.locations).toEqual([
      {
        locationCode: 'A-01',
        onHand: 9,
        reserved: 0,
        available: 9,
        lots: [{ lot: 'L-LATE', expiresOn: day(200), expired: false, onHand: 9, reserved: 0, available: 9 }],
      },
      {
        locationCode: 'A-02',
        onHand: 4,
        reserved: 0,
        available: 4,
        lots: [{ lot: 'L-SOON', expiresOn: day(10), expired: false, onHand: 4, reserved: 0, available: 4 }],
      },
      {
        locationCode: 'B-01',
        onHand: 20,
        reserved: 0,
        available: 0,
        lots: [{ lot: 'L-GONE', expiresOn: day(-3), expired: true, onHand: 20, reserved: 0, available: 0 }],
      },
    ]);
    expect((await warehouse.inventoryOf('BOX')) as unknown).toMatchObject({ lotTracked: false, locations: [{ locationCode: 'A-01', lots: [] }] });
    const movements = await api.get(`/inventory/movements?merchantId=${warehouse.merchantId}&sku=CREAM&lot=L-LATE`);
    stockMovementListSchema.parse(movements.body);
    expect(movements.body.map((movement: { lot: string; quantity: number }) => [movement.lot, movement.quantity])).toEqual([
      ['L-LATE', 10],
      ['L-LATE', -1],
    ]);
  });

  let allocatedOrder: { id: string; number: string };

  it('allocates the earliest expiry first and never an expired lot; the reservation and the order name the lots', async () => {
    const order = await flow.allocatedOrder(
      [
        { sku: 'CREAM', quantity: 6 },
        { sku: 'BOX', quantity: 2 },
      ],
      [{ sku: 'KIT', quantity: 1 }],
    );
    allocatedOrder = order;
    const cream = order.reservations.find((reservation: { sku: string }) => reservation.sku === 'CREAM');
    expect(cream.allocations).toEqual([
      { locationCode: 'A-02', quantity: 4, lot: 'L-SOON', expiresOn: day(10) },
      { locationCode: 'A-01', quantity: 2, lot: 'L-LATE', expiresOn: day(200) },
    ]);
    const held = await api.get(`/inventory/reservations?workOrderId=${order.id}&sku=CREAM`);
    stockReservationListSchema.parse(held.body);
    expect(
      held.body[0].allocations
        .map((allocation: { locationCode: string; lot: string; quantity: number }) => [allocation.locationCode, allocation.lot, allocation.quantity])
        .sort(),
    ).toEqual([
      ['A-01', 'L-LATE', 2],
      ['A-02', 'L-SOON', 4],
    ]);
    const box = await api.get(`/inventory/reservations?workOrderId=${order.id}&sku=BOX`);
    expect(box.body[0].allocations).toEqual([expect.objectContaining({ locationCode: 'A-01', lot: null, quantity: 2 })]);
    expect(await warehouse.inventoryOf('CREAM')).toMatchObject({ onHand: 33, reserved: 6, available: 7 });
  });

  it('is Out of Stock when only expired stock would cover the order, with the shortage it sees', async () => {
    const order = await warehouse.workOrder({ autoRetry: false, outputs: [{ sku: 'KIT', quantity: 1 }], materials: [{ sku: 'CREAM', quantity: 8 }] });
    await api.post(`/work-orders/${order.id}/confirm`);
    const short = await warehouse.settled(order.id);
    expect(short.status).toBe('OUT_OF_STOCK');
    expect(short.shortages).toEqual([{ sku: 'CREAM', requested: 8, available: 7 }]);
    expect(await warehouse.inventoryOf('CREAM')).toMatchObject({ reserved: 6 });
  });

  it('records a completion once, however often it is delivered, and traces its lots up from a component and down from the finished lot', async () => {
    // The completion as work-orders publishes it (v2, with the genealogy), delivered twice and
    // published again under a new id: picking and inbound are not needed for inventory's part.
    const held = (await api.get(`/inventory/reservations?workOrderId=${allocatedOrder.id}`)).body as {
      sku: string;
      allocations: { locationCode: string; lot: string | null; quantity: number }[];
    }[];
    const consumed = held.flatMap((reservation) =>
      reservation.allocations.map(({ locationCode, lot, quantity }) => ({
        sku: reservation.sku,
        locationCode,
        quantity,
        ...(lot && { lot, expiresOn: lot === 'L-SOON' ? day(10) : day(200) }),
      })),
    );
    const payload = {
      workOrderId: allocatedOrder.id,
      number: allocatedOrder.number,
      merchantId: warehouse.merchantId,
      warehouseId: warehouse.warehouseId,
      inboundOrderId: randomUUID(),
      outputs: [{ sku: 'KIT', quantity: 1, lot: allocatedOrder.number }],
      consumed,
      pickingListIds: ['pl-e2e'],
    };
    const event = WorkOrderCompleted.create(WorkOrderCompleted.schema.parse(payload), { correlationId: randomUUID(), key: allocatedOrder.id });
    await publish(event, event, { ...event, id: randomUUID() });

    const query = (sku: string, lot: string, direction: string) =>
      `/traceability/lots?merchantId=${warehouse.merchantId}&sku=${sku}&lot=${encodeURIComponent(lot)}&direction=${direction}`;
    const up = await eventually(
      () => api.get(query('CREAM', 'L-SOON', 'up')),
      (response) => response.status === 200 && response.body.workOrders.length > 0,
      { what: 'the completion in the lot trace' },
    );
    expect(lotTraceSchema.safeParse(up.body).success).toBe(true);
    expect(up.body).toMatchObject({ sku: 'CREAM', lot: 'L-SOON', direction: 'up', expiresOn: day(10) });
    // The re-deliveries came after it on the same partition: still one work order once they are through.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await api.get(query('CREAM', 'L-SOON', 'up'))).body.workOrders).toHaveLength(1);
    const [traced] = up.body.workOrders;
    expect(traced).toMatchObject({
      workOrderId: allocatedOrder.id,
      number: allocatedOrder.number,
      warehouseId: warehouse.warehouseId,
      inboundOrderId: payload.inboundOrderId,
      pickingListIds: ['pl-e2e'],
    });
    expect(traced.components).toHaveLength(3);
    expect(traced.components).toEqual(
      expect.arrayContaining([
        { sku: 'CREAM', lot: 'L-SOON', expiresOn: day(10), quantity: 4, locations: [{ locationCode: 'A-02', quantity: 4 }] },
        { sku: 'CREAM', lot: 'L-LATE', expiresOn: day(200), quantity: 2, locations: [{ locationCode: 'A-01', quantity: 2 }] },
        { sku: 'BOX', lot: null, expiresOn: null, quantity: 2, locations: [{ locationCode: 'A-01', quantity: 2 }] },
      ]),
    );
    // Not put away yet: the finished lot is the one completion gave it, nowhere on a shelf.
    expect(traced.outputs).toEqual([{ sku: 'KIT', lot: allocatedOrder.number, expiresOn: null, quantity: 1, putAway: [], onHand: [] }]);

    const down = await api.get(query('KIT', allocatedOrder.number, 'down'));
    expect(down.status).toBe(200);
    expect(down.body.workOrders.map((order: { workOrderId: string }) => order.workOrderId)).toEqual([allocatedOrder.id]);
    // A component lot traced down made nothing: known, with an empty trace.
    expect((await api.get(query('CREAM', 'L-LATE', 'down'))).body).toMatchObject({ workOrders: [] });
  });

  it('answers an unknown lot, another merchant’s lot and a bad query as problems', async () => {
    const unknown = await api.get(`/traceability/lots?merchantId=${warehouse.merchantId}&sku=CREAM&lot=NEVER-MADE`);
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toMatch(/application\/problem\+json/);
    // A token scoped to another merchant sees the lot as it would see an unknown one.
    const stranger = await ApiClient.as('merchant-user', { merchantIds: [(await api.post('/merchants', { name: 'Stranger' })).body.id] });
    const hidden = await stranger.get(`/traceability/lots?merchantId=${warehouse.merchantId}&sku=CREAM&lot=L-SOON&direction=up`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.detail).toBe(unknown.body.detail.replace('NEVER-MADE', 'L-SOON'));
    const own = await ApiClient.as('merchant-user', { merchantIds: [warehouse.merchantId] });
    expect((await own.get(`/traceability/lots?merchantId=${warehouse.merchantId}&sku=CREAM&lot=L-SOON&direction=up`)).status).toBe(200);
    const bad = await api.get(`/traceability/lots?merchantId=${warehouse.merchantId}&sku=CREAM&lot=L-SOON&direction=sideways`);
    expect({ status: bad.status, fields: fieldsOf(bad) }).toEqual({ status: 400, fields: ['query.direction'] });
    const missing = await api.get(`/traceability/lots?merchantId=${warehouse.merchantId}&sku=CREAM`);
    expect({ status: missing.status, fields: fieldsOf(missing) }).toEqual({ status: 400, fields: ['query.lot'] });
  });
});
