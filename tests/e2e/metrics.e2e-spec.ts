import { ApiClient, WarehouseFixture } from '@wo/testing';

/**
 * `GET /metrics` on the gateway's and every service's own port: the Prometheus text format, HTTP
 * series labelled by route pattern, and the saga, reservation, outbox and consumer series moving
 * as one order is confirmed. `/metrics` answers without a token (Prometheus scrapes it so), while
 * every other route of a service still refuses an anonymous caller.
 */
describe('metrics on every process', () => {
  const gateway = process.env['GATEWAY_URL']!;
  const api = ApiClient.signedIn('admin');
  const port = Number(new URL(gateway).port);
  const processes = { gateway: port, inventory: port + 1, 'work-orders': port + 2, picking: port + 3, inbound: port + 4 };

  /** Anonymous, as Prometheus scrapes. */
  const scrape = async (service: keyof typeof processes) => {
    const response = await fetch(`http://127.0.0.1:${processes[service]}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };
  /** The sample of `series` (`name{a="1",b="2"}`, labels in any order), or undefined when absent. */
  const value = (text: string, series: string) => {
    const [, name, labels = ''] = /^([^{]+)(?:\{(.*)\})?$/.exec(series)!;
    const wanted = labels.split(',').filter(Boolean);
    for (const line of text.split('\n')) {
      const match = /^([^{ ]+)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match || match[1] !== name) continue;
      const present = (match[2] ?? '').split(',');
      if (wanted.every((pair) => present.includes(pair)) && present.length === wanted.length) return Number(match[3]);
    }
    return undefined;
  };

  it('serves the runtime defaults and the HTTP series, labelled by service and route pattern, on every process', async () => {
    for (const service of Object.keys(processes) as (keyof typeof processes)[]) {
      const text = await scrape(service);
      expect(text).toContain(`nodejs_eventloop_lag_seconds{service="${service}"}`);
      expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    }
    const order = (await api.get('/work-orders?pageSize=1')).status;
    expect(order).toBe(200);
    expect(await scrape('work-orders')).toMatch(/http_requests_total\{method="GET",route="\/work-orders",status="200",service="work-orders"\} \d+/);
    expect(await scrape('gateway')).toMatch(/http_requests_total\{method="GET",route="\/work-orders\/\*",status="200",service="gateway"\} \d+/);
  });

  it('answers /metrics and the probes without a token, and 401 to every other route of each service and the gateway', async () => {
    const publicPaths = ['/metrics', '/health/live', '/health/ready'];
    const guarded: Record<Exclude<keyof typeof processes, 'gateway'>, string[]> = {
      inventory: ['/merchants', '/warehouses', '/products', '/inventory', '/inventory/movements', '/inventory/reservations'],
      'work-orders': ['/work-orders', '/work-orders/status-counts', '/work-orders/number-suggestion', '/boms', '/sagas'],
      picking: ['/picking-requests', '/picking-lists'],
      inbound: ['/inbound-orders'],
    };
    for (const [service, port] of Object.entries(processes)) {
      for (const path of publicPaths) {
        const response = await fetch(`http://127.0.0.1:${port}${path}`);
        expect({ service, path, status: response.status }).toEqual({ service, path, status: 200 });
      }
    }
    const everyGuarded = Object.values(guarded).flat();
    for (const [service, paths] of [...Object.entries(guarded), ['gateway', everyGuarded] as const]) {
      for (const path of paths) {
        const response = await fetch(`http://127.0.0.1:${processes[service as keyof typeof processes]}${path}`);
        expect({ service, path, status: response.status }).toEqual({ service, path, status: 401 });
        expect(response.headers.get('www-authenticate')).toContain('Bearer');
      }
    }
    const anonymousWrite = await fetch(`http://127.0.0.1:${processes['work-orders']}/work-orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(anonymousWrite.status).toBe(401);
  });

  it('moves the saga, reservation and consumer series when an order is confirmed', async () => {
    const warehouse = await WarehouseFixture.create(api, { skus: ['MX-BOX', 'MX-OUT'] });
    await warehouse.stock([{ sku: 'MX-BOX', locationCode: 'A-01', quantity: 2 }]);
    const before = { orders: await scrape('work-orders'), inventory: await scrape('inventory') };
    const order = await warehouse.workOrder({ outputs: [{ sku: 'MX-OUT', quantity: 1 }], materials: [{ sku: 'MX-BOX', quantity: 5 }] });
    expect((await api.post(`/work-orders/${order.id}/confirm`)).status).toBe(202);
    expect((await warehouse.settled(order.id)).status).toBe('OUT_OF_STOCK');

    const after = { orders: await scrape('work-orders'), inventory: await scrape('inventory') };
    const grew = (text: 'orders' | 'inventory', series: string) => (value(after[text], series) ?? 0) - (value(before[text], series) ?? 0);
    expect(grew('orders', 'saga_started_total{type="allocation",service="work-orders"}')).toBeGreaterThanOrEqual(1);
    expect(grew('orders', 'saga_finished_total{type="allocation",outcome="out_of_stock",service="work-orders"}')).toBeGreaterThanOrEqual(1);
    expect(grew('orders', 'saga_duration_seconds_count{type="allocation",outcome="out_of_stock",service="work-orders"}')).toBeGreaterThanOrEqual(1);
    expect(grew('inventory', 'reservations_total{outcome="rejected",service="inventory"}')).toBeGreaterThanOrEqual(1);
    expect(grew('inventory', 'reservation_units_short_total{service="inventory"}')).toBeGreaterThanOrEqual(3);
    expect(
      grew('orders', 'messages_consumed_total{topic="inventory.stock-replies",type="inventory.StockReservationRejected",service="work-orders"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(value(after.orders, 'sagas_in_flight{type="allocation",service="work-orders"}')).toBeGreaterThanOrEqual(0);
    expect(value(after.orders, 'outbox_pending_messages{service="work-orders"}')).toBeGreaterThanOrEqual(0);
    expect(value(after.orders, 'kafka_consumer_lag{topic="inventory.stock-replies",partition="0",service="work-orders"}')).toBeGreaterThanOrEqual(0);
    expect(value(after.inventory, 'messages_dead_lettered_total{topic="inventory.stock-commands",reason="handler-failed",service="inventory"}')).toBe(0);
  });
});
