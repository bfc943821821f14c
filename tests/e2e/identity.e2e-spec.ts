import { ApiClient, WarehouseFixture } from '@wo/testing';

/** Who may call what: 401 without a valid token (gateway and services alike), 403 naming the roles a refused action needs. */
describe('identity and roles', () => {
  const gateway = process.env['GATEWAY_URL']!;
  const serviceUrls = {
    'work-orders': process.env['SERVICE_URL_WORK_ORDERS']!,
    inventory: process.env['SERVICE_URL_INVENTORY']!,
    picking: process.env['SERVICE_URL_PICKING']!,
    inbound: process.env['SERVICE_URL_INBOUND']!,
  };
  const protectedRoutes: [keyof typeof serviceUrls, string, string][] = [
    ['work-orders', 'GET', '/work-orders'],
    ['work-orders', 'POST', '/work-orders'],
    ['work-orders', 'GET', '/boms'],
    ['work-orders', 'GET', '/sagas'],
    ['work-orders', 'POST', '/sagas/00000000-0000-0000-0000-000000000000/retry'],
    ['work-orders', 'GET', '/dead-letters'],
    ['work-orders', 'POST', '/dead-letters/00000000-0000-0000-0000-000000000000/replay'],
    ['inventory', 'GET', '/merchants'],
    ['inventory', 'POST', '/merchants'],
    ['inventory', 'GET', '/inventory'],
    ['inventory', 'GET', '/inventory/reservations'],
    ['inventory', 'POST', '/inventory/adjustments'],
    ['picking', 'GET', '/picking-lists'],
    ['picking', 'POST', '/picking-lists'],
    ['inbound', 'GET', '/inbound-orders'],
  ];
  const send = (base: string, method: string, path: string, authorization?: string) =>
    fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: method === 'GET' ? undefined : '{}',
    });

  it.each(protectedRoutes)('%s %s %s answers 401 without a token, through the gateway and on the service port', async (service, method, path) => {
    for (const base of [gateway, serviceUrls[service]]) {
      const response = await send(base, method, path);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="work-orders"');
      expect(await response.json()).toMatchObject({ status: 401 });
    }
  });

  it('keeps the health endpoints, the console and the login settings open', async () => {
    for (const base of [gateway, ...Object.values(serviceUrls)]) {
      expect((await fetch(`${base}/health/live`)).status).toBe(200);
      expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    }
    const config = await (await fetch(`${gateway}/auth/config`)).json();
    expect(config).toEqual({ issuer: process.env['OIDC_ISSUER_URL'], clientId: 'console', audience: 'urn:work-orders:api' });
    const consolePage = await fetch(`${gateway}/console/`);
    expect(consolePage.status).toBe(200);
    expect(consolePage.headers.get('content-type')).toMatch(/text\/html/);
  });

  describe('tokens that are not acceptable answer 401 invalid_token', () => {
    const invalid = 'Bearer realm="work-orders", error="invalid_token"';

    async function expectRefused(authorization: string): Promise<void> {
      for (const base of [gateway, serviceUrls['work-orders'], serviceUrls.inventory]) {
        const response = await send(base, 'GET', base === serviceUrls.inventory ? '/merchants' : '/work-orders', authorization);
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe(invalid);
        expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      }
    }

    it('refuses garbage, a header that is not Bearer, and a token with a forged signature', async () => {
      await expectRefused('Bearer not-a-jwt');
      await expectRefused('Basic YWRtaW46YWRtaW4=');
      const token = await ApiClient.tokenFor('admin');
      const [header, payload] = token.split('.');
      const forgedPayload = Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), roles: ['admin'], sub: 'mallory' }),
      ).toString('base64url');
      await expectRefused(`Bearer ${header}.${forgedPayload}.${token.split('.')[2]}`);
    });

    it('refuses a token the provider issued for another audience', async () => {
      await expectRefused(`Bearer ${await ApiClient.tokenFor('admin', { audience: 'urn:work-orders:some-other-api' })}`);
    });

    it('refuses an expired token', async () => {
      const token = await ApiClient.tokenFor('admin', { clientId: 'tests-short-lived' });
      expect((await send(gateway, 'GET', '/merchants', `Bearer ${token}`)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      await expectRefused(`Bearer ${token}`);
    });
  });

  describe('each role may do its work and nothing else', () => {
    const admin = ApiClient.signedIn('admin');
    const planner = ApiClient.signedIn('planner');
    const picker = ApiClient.signedIn('picker');
    const receiver = ApiClient.signedIn('receiver');
    const clerk = ApiClient.signedIn('inventory-clerk');
    const sre = ApiClient.signedIn('sre');
    let warehouse: WarehouseFixture;

    beforeAll(async () => {
      warehouse = await WarehouseFixture.create(admin, { skus: ['ROLE-BOX', 'ROLE-KIT'] });
      await warehouse.stock([{ sku: 'ROLE-BOX', locationCode: 'A-01', quantity: 10 }]);
    });

    const order = (api: ApiClient) =>
      api.post('/work-orders', {
        merchantId: warehouse.merchantId,
        warehouseId: warehouse.warehouseId,
        name: 'Role check',
        scheduledAt: '2030-01-01',
        outputs: [{ sku: 'ROLE-KIT', quantity: 1 }],
        materials: [{ sku: 'ROLE-BOX', quantity: 1 }],
      });

    function expectForbidden(response: { status: number; body: any; contentType: string | null }, ...roles: string[]): void {
      expect(response.status).toBe(403);
      expect(response.contentType).toMatch(/application\/problem\+json/);
      expect(response.body.requiredRoles).toEqual(expect.arrayContaining([...roles, 'admin']));
      for (const role of roles) expect(response.body.detail).toContain(role);
    }

    it('planner: BOMs and work orders, not stock, reference data, picking or sagas', async () => {
      expect(
        (
          await planner.post('/boms', {
            merchantId: warehouse.merchantId,
            name: 'Kit',
            outputs: [{ sku: 'ROLE-KIT', quantity: 1 }],
            materials: [{ sku: 'ROLE-BOX', quantity: 1 }],
          })
        ).status,
      ).toBe(201);
      const created = await order(planner);
      expect(created.status).toBe(201);
      expect((await planner.post(`/work-orders/${created.body.id}/confirm`)).status).toBe(202);
      expect((await planner.get('/products')).status).toBe(200);
      expectForbidden(await planner.post('/inventory/adjustments', {}), 'inventory-clerk');
      expectForbidden(await planner.post('/merchants', { name: 'Nope' }));
      expectForbidden(await planner.post('/picking-lists', {}), 'picker');
      expectForbidden(await planner.get('/sagas'), 'sre');
      expectForbidden(await planner.post('/sagas/00000000-0000-0000-0000-000000000000/retry'), 'sre');
    });

    it('picker: picking requests and lists, not work orders or stock', async () => {
      const created = await order(admin);
      await admin.post(`/work-orders/${created.body.id}/confirm`);
      expect((await warehouse.settled(created.body.id)).status).toBe('ALLOCATED');
      expect((await picker.get(`/picking-requests?warehouseId=${warehouse.warehouseId}`)).status).toBe(200);
      expect((await picker.post(`/work-orders/${created.body.id}/picking-lists`)).status).toBe(202);
      expectForbidden(await picker.post('/work-orders', {}), 'planner', 'merchant-user');
      expectForbidden(await picker.post(`/work-orders/${created.body.id}/cancel`), 'planner');
      expectForbidden(await picker.post('/inventory/adjustments', {}), 'inventory-clerk');
      expectForbidden(await picker.post(`/inbound-orders/${created.body.id}/receive`, {}), 'receiver');
    });

    it('receiver: inbound orders, not stock or work orders', async () => {
      expect((await receiver.get('/inbound-orders')).status).toBe(200);
      expect((await receiver.post('/inbound-orders/00000000-0000-0000-0000-000000000000/receive', { lines: [{ sku: 'ROLE-KIT', quantity: 1 }] })).status).toBe(
        404,
      );
      expectForbidden(await receiver.post('/inventory/adjustments', {}), 'inventory-clerk');
      expectForbidden(await receiver.post('/work-orders', {}), 'planner', 'merchant-user');
      expectForbidden(await receiver.post('/picking-lists', {}), 'picker');
    });

    it('inventory clerk: adjustments, products and locations, not merchants, warehouses or work orders', async () => {
      expect((await clerk.post('/products', { merchantId: warehouse.merchantId, sku: 'ROLE-EXTRA', name: 'Extra' })).status).toBe(201);
      expect(
        (
          await clerk.post('/inventory/adjustments', {
            warehouseId: warehouse.warehouseId,
            merchantId: warehouse.merchantId,
            sku: 'ROLE-BOX',
            locationCode: 'A-02',
            quantity: 2,
            reason: 'count',
          })
        ).status,
      ).toBe(201);
      expect((await clerk.post(`/warehouses/${warehouse.warehouseId}/locations`, { code: 'C-09' })).status).toBe(201);
      expectForbidden(await clerk.post('/merchants', { name: 'Nope' }));
      expectForbidden(await clerk.post('/warehouses', { code: 'NOPE', name: 'Nope' }));
      expectForbidden(await clerk.post('/work-orders', {}), 'planner', 'merchant-user');
    });

    it('sre: sagas and their retry, not work orders or stock', async () => {
      const created = await order(admin);
      await admin.post(`/work-orders/${created.body.id}/confirm`);
      await warehouse.settled(created.body.id);
      const sagas = await sre.get(`/sagas?workOrderId=${created.body.id}`);
      expect(sagas.status).toBe(200);
      const saga = sagas.body.items[0];
      // Finished: 409 says the retry was let through to the saga, not refused at the door.
      expect((await sre.post(`/sagas/${saga.id}/retry`)).status).toBe(409);
      expectForbidden(await planner.post(`/sagas/${saga.id}/retry`), 'sre');
      expectForbidden(await sre.post('/work-orders', {}), 'planner', 'merchant-user');
      expectForbidden(await sre.post('/inventory/adjustments', {}), 'inventory-clerk');
    });

    it('admin: merchants and warehouses; no one else may register them', async () => {
      expect((await admin.post('/merchants', { name: `Admin's merchant ${Date.now()}` })).status).toBe(201);
      for (const api of [planner, picker, receiver, clerk, sre]) expectForbidden(await api.post('/merchants', { name: 'Nope' }));
    });
  });
});
