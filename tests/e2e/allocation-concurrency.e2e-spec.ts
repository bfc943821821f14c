import { ApiClient, WarehouseFixture } from '@wo/testing';

/**
 * Many orders confirmed at once compete for the same stock: exactly as many are Allocated as the
 * stock covers, the rest are Out of Stock holding nothing, and nothing is ever oversold.
 */
describe('confirming many orders at once', () => {
  const api = ApiClient.signedIn('admin');

  /** Work-orders' group commit of confirms so far: transactions and the requests they carried (its /metrics, as Prometheus scrapes it). */
  async function groupCommits(): Promise<{ batches: number; requests: number }> {
    const workOrdersPort = Number(new URL(process.env['GATEWAY_URL']!).port) + 2;
    const text = await (await fetch(`http://127.0.0.1:${workOrdersPort}/metrics`)).text();
    const sample = (name: string) => Number(new RegExp(`^${name}\\{[^}]*operation="allocation_start"[^}]*\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
    return { batches: sample('group_commit_batch_size_count'), requests: sample('group_commit_batch_size_sum') };
  }

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

  it('confirms that arrive together are each answered as if alone: one of two at once starts, an unknown order is 404, a canceled one 409', async () => {
    const warehouse = await WarehouseFixture.create(api, { skus: ['BOLT', 'FRAME'] });
    await warehouse.stock([{ sku: 'BOLT', locationCode: 'A-01', quantity: 100 }]);
    const order = () => warehouse.workOrder({ autoRetry: false, outputs: [{ sku: 'FRAME', quantity: 1 }], materials: [{ sku: 'BOLT', quantity: 2 }] });
    const orders = await Promise.all(Array.from({ length: 12 }, order));
    const canceled = await order();
    expect((await api.post(`/work-orders/${canceled.id}/cancel`)).status).toBe(202);
    const unknown = ['00000000-0000-4000-8000-00000000a001', '00000000-0000-4000-8000-00000000a002'];

    // Every order confirmed twice in the same instant, with the unknown and the canceled among them.
    const targets = [...orders.flatMap((each) => [each.id, each.id]), ...unknown, canceled.id];
    const before = await groupCommits();
    const responses = await Promise.all(targets.map((id) => api.post(`/work-orders/${id}/confirm`)));
    const after = await groupCommits();
    // Every request went through the group commit, and the burst shared transactions.
    expect(after.requests - before.requests).toBe(targets.length);
    expect(after.batches - before.batches).toBeLessThan(targets.length);

    for (const each of orders) {
      const answers = responses.filter((_, index) => targets[index] === each.id);
      expect(answers.map((response) => response.status).sort()).toEqual([202, 409]);
      expect(answers.find((response) => response.status === 409)!.body).toMatchObject({ pendingAction: 'allocating' });
    }
    for (const id of unknown) {
      const answer = responses[targets.indexOf(id)]!;
      expect(answer.status).toBe(404);
      expect(answer.contentType).toContain('application/problem+json');
    }
    expect(responses[targets.indexOf(canceled.id)]!.status).toBe(409);

    const settled = await Promise.all(orders.map((each) => warehouse.settled(each.id, 90_000)));
    expect(settled.map((each) => each.status)).toEqual(orders.map(() => 'ALLOCATED'));
    for (const each of settled) {
      expect(each.history.filter((line: { event: string }) => line.event === 'confirmed')).toHaveLength(1);
      const sagas = await api.get(`/sagas?workOrderId=${each.id}`);
      expect(sagas.body.items).toHaveLength(1);
    }
    expect(await warehouse.inventoryOf('BOLT')).toMatchObject({ onHand: 100, reserved: 24 });
    expect((await api.get(`/work-orders/${canceled.id}`)).body.status).toBe('CANCELED');
  });
});
