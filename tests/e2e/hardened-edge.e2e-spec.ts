import { ApiClient, WarehouseFixture } from '@wo/testing';
import { gzipSync } from 'node:zlib';
import { signedInRawRequest } from './support/raw-request';
import { signedInFetch } from './support/signed-in';
import { snapshotState, type StateSnapshot } from './support/state-snapshot';

/**
 * The edge refuses what no handler should see, with 4xx problem+json, and changes nothing:
 * each case reads the whole state before and after. Requests are signed in as admin, so what
 * answers is what stands behind authentication (an anonymous one would only get 401).
 */
describe('a hardened edge', () => {
  const baseUrl = process.env['GATEWAY_URL']!;
  // Signed in as admin: every refusal below is the edge's or the validation's, never a 401.
  const api = ApiClient.signedIn('admin');
  let warehouse: WarehouseFixture;
  let before: StateSnapshot;

  beforeAll(async () => {
    warehouse = await WarehouseFixture.create(api, { skus: ['EDGE-PART', 'EDGE-KIT'] });
    await warehouse.stock([{ sku: 'EDGE-PART', locationCode: 'A-01', quantity: 10 }]);
  });

  beforeEach(async () => {
    before = await snapshotState(baseUrl);
  });

  afterEach(async () => {
    expect(await snapshotState(baseUrl)).toEqual(before);
  });

  function expectProblem(response: { status: number; contentType: string | null; body: any }, status: number, field?: string): void {
    expect(response.status).toBe(status);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status });
    if (field) expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  }

  describe('NUL characters and lone surrogates', () => {
    const order = () => ({
      merchantId: warehouse.merchantId,
      warehouseId: warehouse.warehouseId,
      name: 'Edge order',
      outputs: [{ sku: 'EDGE-KIT', quantity: 1 }],
      materials: [{ sku: 'EDGE-PART', quantity: 1 }],
    });

    it.each([
      ['POST /merchants', '/merchants', { name: 'Acme\u0000' }, 'name'],
      ['POST /merchants', '/merchants', { name: 'Acme \uD800' }, 'name'],
      ['POST /warehouses', '/warehouses', { code: 'WH-X', name: 'x', locations: ['A\u0000'] }, 'locations[0]'],
      ['POST /products', '/products', { merchantId: 'm', sku: 'S\uDC00', name: 'x' }, 'sku'],
      ['POST /work-orders', '/work-orders', { name: 'x' }, 'name'],
      [
        'POST /boms',
        '/boms',
        { name: 'B', outputs: [{ sku: 'EDGE-KIT\u0000', quantity: 1 }], materials: [{ sku: 'EDGE-PART', quantity: 1 }] },
        'outputs[0].sku',
      ],
      ['POST /picking-lists', '/picking-lists', { warehouseId: 'w', workOrderIds: ['\uD83D'] }, 'workOrderIds[0]'],
    ])('%s refuses them in the body with 400 naming the field', async (_case, path, body, field) => {
      const payload = path === '/work-orders' ? { ...order(), materials: [{ sku: 'EDGE-PART\u0000', quantity: 1 }] } : body;
      const expected = path === '/work-orders' ? 'materials[0].sku' : field;
      expectProblem(await api.post(path, payload), 400, expected);
    });

    it('refuses them in a stock adjustment and in PATCH, PUT and action bodies', async () => {
      const adjustment = {
        warehouseId: warehouse.warehouseId,
        merchantId: warehouse.merchantId,
        sku: 'EDGE-PART',
        locationCode: 'A-01',
        quantity: 1,
        reason: 'r\u0000',
      };
      expectProblem(await api.post('/inventory/adjustments', adjustment), 400, 'reason');
      expectProblem(await api.patch('/work-orders/any', { name: '\uDFFF' }), 400, 'name');
      expectProblem(await api.put('/boms/any', { name: '\uD800x' }), 400, 'name');
      expectProblem(await api.post('/picking-lists/any/start', { picker: 'p\u0000' }), 400, 'picker');
      expectProblem(await api.post('/inbound-orders/any/receive', { lines: [{ sku: 'A\u0000', quantity: 1 }] }), 400, 'lines[0].sku');
    });

    it.each([
      ['/work-orders?q=%00', 'query.q'],
      ['/work-orders/status-counts?inputSku=A%00', 'query.inputSku'],
      ['/products?q=a%00b', 'query.q'],
      ['/inventory?sku=%00', 'query.sku'],
      ['/inventory/movements?reference=%00', 'query.reference'],
      ['/inventory/reservations?workOrderId=%00', 'query.workOrderId'],
      ['/boms?merchantId=%00', 'query.merchantId'],
      ['/picking-requests?warehouseId=%00', 'query.warehouseId'],
      ['/picking-lists?workOrderId=%00', 'query.workOrderId'],
      ['/inbound-orders?workOrderId=%00', 'query.workOrderId'],
      ['/sagas?workOrderId=%00', 'query.workOrderId'],
    ])('GET %s refuses a NUL in the query with 400 naming %s', async (path, field) => {
      expectProblem(await api.get(path), 400, field);
    });

    it.each([
      ['GET', '/work-orders/wo%00'],
      ['PATCH', '/work-orders/wo%00'],
      ['POST', '/work-orders/wo%00/confirm'],
      ['GET', '/boms/b%00'],
      ['DELETE', '/boms/b%00'],
      ['GET', '/sagas/%00'],
      ['POST', '/sagas/%00/retry'],
      ['POST', '/warehouses/w%00/locations'],
      ['GET', '/picking-lists/%00'],
      ['POST', '/picking-lists/%00/cancel'],
      ['GET', '/inbound-orders/%00'],
      ['POST', '/inbound-orders/%00/putaway'],
    ])('%s %s refuses a NUL in the path id with 400 naming path.id', async (method, path) => {
      const body = method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify({});
      const response = await signedInRawRequest(baseUrl, { method, path, headers: body ? { 'content-type': 'application/json' } : {}, body });
      expectProblem(response, 400, 'path.id');
    });

    it('refuses a path id that is not UTF-8 (a lone surrogate written as bytes) with 400', async () => {
      expectProblem(await signedInRawRequest(baseUrl, { path: '/work-orders/%ED%A0%80' }), 400, 'path');
    });
  });

  describe('bodies', () => {
    const json = { 'content-type': 'application/json' };
    const invalidMerchant = JSON.stringify({ name: '' });

    it('decodes a gzip body (the invalid name inside is what gets refused)', async () => {
      const response = await signedInRawRequest(baseUrl, {
        method: 'POST',
        path: '/merchants',
        headers: { ...json, 'content-encoding': 'gzip' },
        body: gzipSync(invalidMerchant),
      });
      expectProblem(response, 400, 'name');
    });

    it('refuses a content-encoding it cannot decode with 415', async () => {
      const response = await signedInRawRequest(baseUrl, {
        method: 'POST',
        path: '/merchants',
        headers: { ...json, 'content-encoding': 'x-unknown' },
        body: '{"name":"Acme"}',
      });
      expectProblem(response, 415);
    });

    it('refuses a gzip body that is not gzip with 400', async () => {
      const response = await signedInRawRequest(baseUrl, {
        method: 'POST',
        path: '/merchants',
        headers: { ...json, 'content-encoding': 'gzip' },
        body: '{"name":"Acme"}',
      });
      expectProblem(response, 400);
    });

    it('refuses malformed JSON with 400', async () => {
      expectProblem(await signedInRawRequest(baseUrl, { method: 'POST', path: '/boms', headers: json, body: '{"name": ' }), 400, 'body');
    });

    const tooLarge = () => Buffer.from(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }));

    it('refuses a body over the limit at the gateway with 413, by its content-length', async () => {
      const body = tooLarge();
      const response = await signedInRawRequest(baseUrl, { method: 'POST', path: '/merchants', headers: { ...json, 'content-length': body.length }, body });
      expectProblem(response, 413);
      expect(response.headers['x-powered-by']).toBeUndefined();
    });

    it('refuses a chunked body over the limit at the gateway with 413, counting what it sends', async () => {
      const body = tooLarge();
      const chunks = Array.from({ length: Math.ceil(body.length / 65_536) }, (_, index) => body.subarray(index * 65_536, (index + 1) * 65_536));
      const response = await signedInRawRequest(baseUrl, { method: 'POST', path: '/work-orders', headers: json, body: chunks });
      expectProblem(response, 413);
    });

    it('passes a chunked body within the limit on to the service', async () => {
      const response = await signedInRawRequest(baseUrl, {
        method: 'POST',
        path: '/merchants',
        headers: json,
        body: [Buffer.from('{"name":'), Buffer.from('""}')],
      });
      expectProblem(response, 400, 'name');
    });

    it("answers the service's own limit (a small gzip body that inflates past it) with 413", async () => {
      const body = gzipSync(JSON.stringify({ name: ' '.repeat(3 * 1024 * 1024) }));
      const response = await signedInRawRequest(baseUrl, { method: 'POST', path: '/merchants', headers: { ...json, 'content-encoding': 'gzip' }, body });
      expectProblem(response, 413);
    });
  });

  describe('quantities beyond the int4 columns that hold them', () => {
    let bomId: string;

    beforeAll(async () => {
      await warehouse.stock([
        { sku: 'EDGE-PART', locationCode: 'B-01', quantity: 1_000_000_000 },
        { sku: 'EDGE-PART', locationCode: 'B-01', quantity: 1_000_000_000 },
      ]);
      const bom = await api.post('/boms', {
        merchantId: warehouse.merchantId,
        name: 'A million parts per set',
        outputs: [{ sku: 'EDGE-KIT', quantity: 1 }],
        materials: [{ sku: 'EDGE-PART', quantity: 1_000_000 }],
      });
      expect(bom.status).toBe(201);
      bomId = bom.body.id;
    });

    it('refuses an adjustment onto a bin holding 2,000,000,000 that would pass 2^31 - 1, with 400 on quantity', async () => {
      const adjustment = { warehouseId: warehouse.warehouseId, merchantId: warehouse.merchantId, sku: 'EDGE-PART', locationCode: 'B-01', reason: 'too much' };
      expectProblem(await api.post('/inventory/adjustments', { ...adjustment, quantity: 200_000_000 }), 400, 'quantity');
      expect((await warehouse.inventoryOf('EDGE-PART')).locations).toEqual(
        expect.arrayContaining([expect.objectContaining({ locationCode: 'B-01', onHand: 2_000_000_000 })]),
      );
    });

    it('refuses a BOM of 1,000,000 per set times 100,000 sets with 400 on bom.sets', async () => {
      const response = await api.post('/work-orders', {
        merchantId: warehouse.merchantId,
        warehouseId: warehouse.warehouseId,
        name: 'Too many sets',
        bom: { bomId, sets: 100_000 },
      });
      expectProblem(response, 400, 'bom.sets');
    });

    it.each([
      [
        'a line quantity past the column',
        '/work-orders',
        { name: 'x', warehouseId: 'w', outputs: [{ sku: 'A', quantity: 2 ** 31 }], materials: [{ sku: 'B', quantity: 1 }] },
        'outputs[0].quantity',
      ],
      ['a receipt past the column', '/inbound-orders/any/receive', { lines: [{ sku: 'A', quantity: 2 ** 31 }] }, 'lines[0].quantity'],
      ['a putaway of 1e308', '/inbound-orders/any/putaway', { lines: [{ sku: 'A', quantity: 1e308, locationCode: 'A-01' }] }, 'lines[0].quantity'],
      [
        'an adjustment past 2^53',
        '/inventory/adjustments',
        { warehouseId: 'w', merchantId: 'm', sku: 'A', locationCode: 'A-01', quantity: 2 ** 60, reason: 'r' },
        'quantity',
      ],
    ])('refuses %s with 400 naming it', async (_case, path, body, field) => {
      expectProblem(await api.post(path, body), 400, field);
    });
  });

  describe('unknown routes, long requests', () => {
    it.each([
      ['GET', '/no-such-route'],
      ['POST', '/no-such-route'],
      ['GET', '/work-orders/a/b/c'],
      ['DELETE', '/work-orders/x'],
      ['GET', '/merchants/x'],
      ['PUT', '/warehouses/x'],
      ['GET', '/inventory/x/y'],
      ['GET', '/picking-requests/x/y'],
      ['GET', '/picking-lists/x/y/z'],
      ['PATCH', '/inbound-orders/x'],
      ['GET', '/sagas/x/y'],
      ['GET', '/health/nope'],
      ['GET', '/console/assets/no-such-file.js'],
    ])('%s %s answers problem+json 404', async (method, path) => {
      const response = await signedInRawRequest(baseUrl, { method, path });
      expectProblem(response, 404);
    });

    it('answers a query string past 8 KB with problem+json 414', async () => {
      expectProblem(await signedInRawRequest(baseUrl, { path: `/work-orders?q=${'a'.repeat(10_000)}` }), 414);
    });

    it('answers headers past 16 KB with problem+json 431 (and a request line past it too)', async () => {
      expectProblem(await signedInRawRequest(baseUrl, { path: '/merchants', headers: { 'x-junk': 'j'.repeat(20_000) } }), 431);
      expectProblem(await signedInRawRequest(baseUrl, { path: `/merchants?q=${'a'.repeat(20_000)}` }), 431);
    });
  });

  describe('paged lists', () => {
    const lists = () => [
      '/merchants',
      '/warehouses',
      '/products',
      '/inventory',
      '/inventory/movements',
      '/inventory/reservations',
      '/boms',
      `/picking-requests?warehouseId=${warehouse.warehouseId}`,
      '/picking-lists',
      '/inbound-orders',
    ];
    const withQuery = (list: string, query: string) => `${baseUrl}${list}${list.includes('?') ? '&' : '?'}${query}`;

    it('every list answers an array with its total in X-Total-Count, and pages of one add up to the whole list', async () => {
      for (const list of lists()) {
        const whole = await signedInFetch(withQuery(list, 'pageSize=500'));
        expect(whole.status).toBe(200);
        const all = (await whole.json()) as unknown[];
        expect(Array.isArray(all)).toBe(true);
        const total = Number(whole.headers.get('x-total-count'));
        expect({ list, total }).toEqual({ list, total: all.length });
        const pages: unknown[] = [];
        for (let page = 1; page <= Math.min(total, 3); page++) {
          const response = await signedInFetch(withQuery(list, `pageSize=1&page=${page}`));
          expect(response.headers.get('x-total-count')).toBe(String(total));
          pages.push(...((await response.json()) as unknown[]));
        }
        expect({ list, pages }).toEqual({ list, pages: all.slice(0, Math.min(total, 3)) });
      }
    });

    it('the default page holds at most 100', async () => {
      const response = await signedInFetch(`${baseUrl}/merchants`);
      expect(((await response.json()) as unknown[]).length).toBeLessThanOrEqual(100);
    });

    it('sagas page too, with the count of matches in X-Total-Count', async () => {
      const response = await signedInFetch(`${baseUrl}/sagas?pageSize=1`);
      expect(response.status).toBe(200);
      expect(Number(response.headers.get('x-total-count'))).toBeGreaterThanOrEqual(0);
      expect(((await response.json()) as { items: unknown[] }).items.length).toBeLessThanOrEqual(1);
    });

    it.each(['pageSize=0', 'pageSize=501', 'pageSize=abc', 'pageSize=1.5', 'pageSize=1&pageSize=2'])(
      'refuses %s on every list with 400 naming query.pageSize',
      async (query) => {
        for (const list of [...lists(), '/sagas']) {
          const response = await signedInRawRequest(baseUrl, { path: withQuery(list, query).slice(baseUrl.length) });
          expectProblem(response, 400, 'query.pageSize');
        }
      },
    );

    it('refuses page=0 with 400 naming query.page', async () => {
      expectProblem(await signedInRawRequest(baseUrl, { path: '/boms?page=0' }), 400, 'query.page');
    });
  });
});
