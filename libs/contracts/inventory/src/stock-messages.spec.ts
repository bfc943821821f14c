import { ProductRegistered, ReleaseStock, ReserveStock, StockReleased, StockReservationRejected, StockReserved, stockKey } from './index';

/** Inventory's stock commands and replies: names, versions, topics and keys are pinned. */
describe('inventory stock contract (v1)', () => {
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

  it('keys stock commands by warehouse and SKU', () => {
    expect(stockKey('wh-1', 'SOAP')).toBe('wh-1:SOAP');
  });

  it('refuses a reservation of a non-positive or fractional quantity', () => {
    const base = { reservationId: 'r', workOrderId: 'w', lineId: 'l', warehouseId: 'wh', merchantId: 'm', sku: 'S' };
    expect(ReserveStock.schema.safeParse({ ...base, quantity: 2 }).success).toBe(true);
    expect(ReserveStock.schema.safeParse({ ...base, quantity: 0 }).success).toBe(false);
    expect(ReserveStock.schema.safeParse({ ...base, quantity: 1.5 }).success).toBe(false);
  });

  it('a reservation says which bins hold it', () => {
    expect(StockReserved.schema.safeParse({ reservationId: 'r', lineId: 'l', sku: 'S', quantity: 3, allocations: [] }).success).toBe(false);
  });

  it('a product announcement may say it is lot-tracked, an additive optional field', () => {
    const product = { productId: 'p', merchantId: 'm', sku: 'S', name: 'Soap' };
    expect(ProductRegistered.schema.parse(product)).toEqual(product);
    expect(ProductRegistered.schema.parse({ ...product, lotTracked: true })).toEqual({ ...product, lotTracked: true });
    expect(ProductRegistered.version).toBe(1);
  });
});
