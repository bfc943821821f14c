import { ApiClient, WarehouseFixture } from '@wo/testing';

/**
 * Many orders confirmed at once compete for the same stock: exactly as many are Allocated as the
 * stock covers, the rest are Out of Stock holding nothing, and nothing is ever oversold.
 */
describe('confirming many orders at once', () => {
  const api = ApiClient.signedIn('admin');

  async function confirmAllAndSettle(warehouse: WarehouseFixture, orders: { id: string }[]) {
    const responses = await Promise.all(orders.map((order) => api.post(`/work-orders/${order.id}/confirm`)));
    expect(responses.map((response) => response.status)).toEqual(orders.map(() => 202));
    return Promise.all(orders.map((order) => warehouse.settled(order.id, 90_000)));
  }

  it('50 orders of 1 unit against 20 in stock: 20 Allocated, 30 Out of Stock, 20 reserved', async () => {
    const warehouse = await WarehouseFixture.create(api, { skus: ['WIDGET', 'KIT'] });
    await warehouse.stock([
      { sku: 'WIDGET', locationCode: 'A-01', quantity: 12 },
      { sku: 'WIDGET', locationCode: 'B-01', quantity: 8 },
    ]);
    const orders = await Promise.all(
      // Auto-retry off here and below: these are confirms racing each other; the automatic retries that
      // compensations' releases set off are reallocation-queue.e2e-spec.ts's, and would move the counts read here.
      Array.from({ length: 50 }, () =>
        warehouse.workOrder({ autoRetry: false, outputs: [{ sku: 'KIT', quantity: 1 }], materials: [{ sku: 'WIDGET', quantity: 1 }] }),
      ),
    );
    const settled = await confirmAllAndSettle(warehouse, orders);

    const allocated = settled.filter((order) => order.status === 'ALLOCATED');
    const outOfStock = settled.filter((order) => order.status === 'OUT_OF_STOCK');
    expect(allocated).toHaveLength(20);
    expect(outOfStock).toHaveLength(30);
    expect(outOfStock.every((order) => order.reservations.length === 0)).toBe(true);
    expect(outOfStock.every((order) => order.shortages[0].sku === 'WIDGET')).toBe(true);

    const widget = await warehouse.inventoryOf('WIDGET');
    expect(widget).toMatchObject({ onHand: 20, reserved: 20, available: 0 });
    for (const bin of widget.locations) expect(bin.reserved).toBeLessThanOrEqual(bin.onHand);
    const held = await api.get(`/inventory/reservations?sku=WIDGET&status=RESERVED`);
    const heldForThisWarehouse = held.body.filter((reservation: { warehouseId: string }) => reservation.warehouseId === warehouse.warehouseId);
    expect(new Set(heldForThisWarehouse.map((reservation: { workOrderId: string }) => reservation.workOrderId))).toEqual(
      new Set(allocated.map((order) => order.id)),
    );
  });

  it('orders needing several SKUs whose stock runs out at different points stay all-or-nothing', async () => {
    const warehouse = await WarehouseFixture.create(api, { skus: ['RED', 'GREEN', 'BLUE', 'SET'] });
    await warehouse.stock([
      { sku: 'RED', locationCode: 'A-01', quantity: 30 },
      { sku: 'GREEN', locationCode: 'A-02', quantity: 14 },
      { sku: 'BLUE', locationCode: 'B-01', quantity: 9 },
    ]);
    // Mixed recipes: every order wants RED; some want GREEN x2, some BLUE x1, some all three.
    const recipes = [
      [
        { sku: 'RED', quantity: 1 },
        { sku: 'GREEN', quantity: 2 },
      ],
      [
        { sku: 'RED', quantity: 1 },
        { sku: 'BLUE', quantity: 1 },
      ],
      [
        { sku: 'RED', quantity: 2 },
        { sku: 'GREEN', quantity: 1 },
        { sku: 'BLUE', quantity: 1 },
      ],
    ];
    const orders = await Promise.all(
      Array.from({ length: 36 }, (_, index) =>
        warehouse.workOrder({ autoRetry: false, outputs: [{ sku: 'SET', quantity: 1 }], materials: recipes[index % recipes.length] }),
      ),
    );
    const settled = await confirmAllAndSettle(warehouse, orders);
    const allocated = settled.filter((order) => order.status === 'ALLOCATED');
    expect(allocated.length + settled.filter((order) => order.status === 'OUT_OF_STOCK').length).toBe(36);
    expect(allocated.length).toBeGreaterThan(0);

    // Each order holds exactly its materials or nothing.
    for (const order of settled) {
      const held = order.reservations.map((reservation: { sku: string; quantity: number }) => [reservation.sku, reservation.quantity]).sort();
      const wanted = order.materials.map((line: { sku: string; quantity: number }) => [line.sku, line.quantity]).sort();
      expect(held).toEqual(order.status === 'ALLOCATED' ? wanted : []);
    }
    // Reserved stock equals what the Allocated orders need, and never exceeds onHand.
    for (const [sku, onHand] of [
      ['RED', 30],
      ['GREEN', 14],
      ['BLUE', 9],
    ] as const) {
      const needed = allocated
        .flatMap((order) => order.materials)
        .filter((line: { sku: string }) => line.sku === sku)
        .reduce((sum: number, line: { quantity: number }) => sum + line.quantity, 0);
      const stock = await warehouse.inventoryOf(sku);
      expect(stock).toMatchObject({ onHand, reserved: needed });
      expect(stock.reserved).toBeLessThanOrEqual(stock.onHand);
    }
  });
});
