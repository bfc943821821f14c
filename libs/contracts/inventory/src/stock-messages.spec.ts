import { readPayload } from '@wo/contracts/envelope';
import {
  perLineReplies,
  ProductRegistered,
  ReleaseStock,
  ReserveStock,
  reservationKey,
  StockReleased,
  StockReservationRejected,
  StockReserved,
  stockKey,
} from './index';

const order = { workOrderId: 'w', warehouseId: 'wh', merchantId: 'm' };
const line = { reservationId: 'r', lineId: 'l', sku: 'S', quantity: 2 };

/** Inventory's stock commands and replies: names, versions, topics and keys are pinned. */
describe('inventory stock contract', () => {
  it('commands are imperative, replies name the outcome', () => {
    expect([ReserveStock.type, ReleaseStock.type]).toEqual(['inventory.ReserveStock', 'inventory.ReleaseStock']);
    expect([StockReserved.type, StockReservationRejected.type, StockReleased.type]).toEqual([
      'inventory.StockReserved',
      'inventory.StockReservationRejected',
      'inventory.StockReleased',
    ]);
    expect(ReserveStock.topic).toBe('inventory.stock-commands');
    expect(StockReserved.topic).toBe('inventory.stock-replies');
  });

  it('reserves per order (v2), answered per order; releases stay per reservation (v1)', () => {
    expect([ReserveStock.version, StockReserved.version, StockReservationRejected.version, ReleaseStock.version, StockReleased.version]).toEqual([
      2, 2, 2, 1, 1,
    ]);
  });

  it('keys a release by warehouse and SKU, a reservation of an order by the order', () => {
    expect(stockKey('wh-1', 'SOAP')).toBe('wh-1:SOAP');
    expect(reservationKey('wo-1')).toBe('wo-1');
  });

  it('refuses a reservation with no line, a reservation id twice, or a non-positive or fractional quantity', () => {
    expect(ReserveStock.schema.safeParse({ ...order, lines: [line, { ...line, reservationId: 'r2', quantity: 3 }] }).success).toBe(true);
    expect(ReserveStock.schema.safeParse({ ...order, lines: [] }).success).toBe(false);
    expect(ReserveStock.schema.safeParse({ ...order, lines: [line, { ...line, lineId: 'l2' }] }).success).toBe(false);
    expect(ReserveStock.schema.safeParse({ ...order, lines: [{ ...line, quantity: 0 }] }).success).toBe(false);
    expect(ReserveStock.schema.safeParse({ ...order, lines: [{ ...line, quantity: 1.5 }] }).success).toBe(false);
  });

  it('reads a v1 ReserveStock (one line) as a v2 command of that line, to be answered in v1', () => {
    const v1 = { reservationId: 'r', workOrderId: 'w', lineId: 'l', warehouseId: 'wh', merchantId: 'm', sku: 'S', quantity: 2 };
    expect(readPayload(ReserveStock, 1, v1)).toEqual({ ok: true, payload: { ...order, lines: [line], replyVersion: 1 } });
    expect(readPayload(ReserveStock, 1, { ...v1, quantity: 0 })).toMatchObject({ ok: false, detail: expect.stringMatching(/^as v1:/) });
    // A v2 sender cannot ask for per-line answers of another version than v1.
    expect(ReserveStock.schema.safeParse({ ...order, lines: [line], replyVersion: 2 }).success).toBe(false);
  });

  it('reads a v1 reply (one line) as a v2 reply of that line, so sagas started before the upgrade go on', () => {
    const reserved = { reservationId: 'r', lineId: 'l', sku: 'S', quantity: 3, allocations: [{ locationCode: 'A-01', quantity: 3 }] };
    expect(readPayload(StockReserved, 1, reserved)).toEqual({ ok: true, payload: { lines: [reserved] } });
    const rejected = { reservationId: 'r', lineId: 'l', sku: 'S', requested: 3, available: 1 };
    expect(readPayload(StockReservationRejected, 1, rejected)).toEqual({ ok: true, payload: { lines: [rejected] } });
    // What inventory answers a v1 command with is exactly what the upcasters read.
    expect(perLineReplies.StockReserved.version).toBe(1);
    expect(perLineReplies.StockReserved.schema.parse(reserved)).toEqual(StockReserved.upcasters[0]!.schema.parse(reserved));
    expect(perLineReplies.StockReservationRejected.schema.parse(rejected)).toEqual(StockReservationRejected.upcasters[0]!.schema.parse(rejected));
  });

  it('a reservation says which bins hold each line', () => {
    expect(StockReserved.schema.safeParse({ lines: [{ reservationId: 'r', lineId: 'l', sku: 'S', quantity: 3, allocations: [] }] }).success).toBe(false);
    expect(StockReserved.schema.safeParse({ lines: [] }).success).toBe(false);
  });

  it('a product announcement may say it is lot-tracked, an additive optional field', () => {
    const product = { productId: 'p', merchantId: 'm', sku: 'S', name: 'Soap' };
    expect(ProductRegistered.schema.parse(product)).toEqual(product);
    expect(ProductRegistered.schema.parse({ ...product, lotTracked: true })).toEqual({ ...product, lotTracked: true });
    expect(ProductRegistered.version).toBe(1);
  });
});
