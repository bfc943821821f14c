import { adjustmentBody, bomBody, createPickingListBody, createWorkOrderBody, merchantBody, productBody, warehouseBody } from '@wo/contracts/rest';
import { unsafeTextErrors } from '@wo/platform';
import { eventually } from '@wo/testing';
import fc from 'fast-check';
import type { z } from 'zod';
import { bearerHeader, signedInFetch } from './support/signed-in';
import { snapshotState } from './support/state-snapshot';

/**
 * Property-based fuzzing of every route of the REST contract through the gateway: generated
 * bodies, path ids and query strings. Only requests that must be refused (or only read) are
 * generated: bodies the route's own schema refuses (or that hold NULs or lone surrogates), ids
 * that do not exist. So every answer must be below 500, every 4xx problem+json, every write
 * refused, and the state (a checksum of every list) the same after as before. Every request is
 * signed in as admin (who may take every action), so what refuses it is the edge or the route's
 * validation: a refusal must be one of REFUSALS, never a 401 or 403 of identity.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_120);
const REQUESTS = Number(process.env['FUZZ_REQUESTS'] ?? 4_000);
const CONCURRENCY = 16;
/** How a signed-in admin's bad request may be refused: by the edge or by the route, never by identity. */
const REFUSALS = new Set([400, 404, 405, 409, 413, 414, 415, 422, 431]);

type FuzzRequest = { method: string; path: string; body?: string; contentType?: string; mustRefuse: boolean };

/** Creating routes, each with the schema its controller parses: a body it accepts is never sent. */
const creates: { path: string; schema: z.ZodType }[] = [
  { path: '/merchants', schema: merchantBody },
  { path: '/warehouses', schema: warehouseBody },
  { path: '/products', schema: productBody },
  { path: '/inventory/adjustments', schema: adjustmentBody },
  { path: '/boms', schema: bomBody },
  { path: '/work-orders', schema: createWorkOrderBody },
  { path: '/picking-lists', schema: createPickingListBody },
];

/** Routes on one resource: with an id that exists nowhere, each must answer 4xx. */
const onId: { method: string; path: (id: string) => string }[] = [
  { method: 'POST', path: (id) => `/warehouses/${id}/locations` },
  { method: 'PUT', path: (id) => `/boms/${id}` },
  { method: 'DELETE', path: (id) => `/boms/${id}` },
  { method: 'PATCH', path: (id) => `/work-orders/${id}` },
  ...['confirm', 'retry-allocation', 'picking-lists', 'complete', 'cancel'].map((action) => ({
    method: 'POST',
    path: (id: string) => `/work-orders/${id}/${action}`,
  })),
  ...['start', 'complete', 'cancel'].map((action) => ({ method: 'POST', path: (id: string) => `/picking-lists/${id}/${action}` })),
  { method: 'POST', path: (id) => `/inbound-orders/${id}/receive` },
  { method: 'POST', path: (id) => `/inbound-orders/${id}/putaway` },
  { method: 'POST', path: (id) => `/sagas/${id}/retry` },
  { method: 'POST', path: (id) => `/dead-letters/${id}/replay` },
];

/** Reads: any query and any id may be sent, nothing may change. */
const lists = [
  '/merchants',
  '/warehouses',
  '/products',
  '/inventory',
  '/inventory/movements',
  '/inventory/reservations',
  '/boms',
  '/work-orders',
  '/work-orders/number-suggestion',
  '/work-orders/status-counts',
  '/picking-requests',
  '/picking-lists',
  '/inbound-orders',
  '/sagas',
  '/dead-letters',
  '/health/live',
];
const details = ['/boms/', '/work-orders/', '/picking-lists/', '/inbound-orders/', '/sagas/', '/dead-letters/'];
const queryKeys = [
  'merchantId',
  'warehouseId',
  'sku',
  'q',
  'status',
  'page',
  'pageSize',
  'limit',
  'sort',
  'workOrderId',
  'inputSku',
  'outputSku',
  'locationCode',
  'reference',
  'state',
  'type',
  'topic',
];
const fieldNames = [
  'name',
  'merchantId',
  'warehouseId',
  'sku',
  'quantity',
  'outputs',
  'materials',
  'lines',
  'bom',
  'bomId',
  'sets',
  'code',
  'locations',
  'locationCode',
  'reason',
  'picker',
  'workOrderIds',
  'scheduledAt',
  'number',
];

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\uD800',
    'x\uDFFF',
    '\uD83D\uD83D',
    '%',
    '_',
    '\\',
    '%_\\',
    '',
    ' ',
    'status-counts',
    'DRAFT',
    '2026-12-20',
    '0000-01-01',
    '9999-12-31T23:59:59Z',
  ),
  fc.integer({ min: 200, max: 20_000 }).map((length) => 'x'.repeat(length)),
);
const number = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, 1e308, -1e308, Number.MIN_VALUE, 1_000_000_001),
);
const junk = fc.jsonValue({ maxDepth: 4 });
const line = fc.record({ sku: fc.oneof(text, number, junk), quantity: fc.oneof(number, text, junk) }, { requiredKeys: [] });
const value = fc.oneof(
  text,
  number,
  junk,
  fc.array(line, { maxLength: 4 }),
  fc.array(text, { maxLength: 4 }),
  fc.record({ bomId: text, sets: number }, { requiredKeys: [] }),
);
/** Valid-ish objects: the contract's field names with values of any type, junk beside them. */
const bodyObject = fc.oneof({ weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...fieldNames), value, { maxKeys: 8 }) }, { weight: 1, arbitrary: junk });

const rawBody = fc.oneof(
  { weight: 8, arbitrary: bodyObject.map((body) => ({ body: JSON.stringify(body) ?? 'null', parsed: body as unknown })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('{', '{"name":', '[1,2', 'null', '"text"', '{"a":1}{', '\u0000', '{"name":"\\ud800"}', '{"name":"\\u0000"}')
      .map((body) => ({ body, parsed: undefined })),
  },
);

const segment = fc.oneof(
  fc.uuid(),
  text.filter((id) => id.length > 0 && !/^\.+$/.test(id) && id.length < 2_000).map(encodeSegment),
  fc.constantFrom('%00', '%ED%A0%80', '%FF', '%25', 'a%2Fb', 'status-counts', '0', '-1', '99999999999999999999'),
);

const query = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...queryKeys), fc.oneof(text, number.map(String), fc.array(text, { maxLength: 3 })), { maxKeys: 5 }),
    fc.constantFrom('', '&%00', '&q=%ZZ', '&a[b]=c', '&pageSize=1e3', '&page=-1'),
  )
  .map(([params, raw]) => {
    const search = new URLSearchParams();
    for (const [key, item] of Object.entries(params)) for (const one of [item].flat()) search.append(key, String(one));
    return `?${search.toString()}${raw}`;
  });

const anyMethod = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE');

const request: fc.Arbitrary<FuzzRequest> = fc.oneof(
  // A create whose body its schema refuses (or that the edge refuses for its text).
  fc
    .tuple(fc.constantFrom(...creates), rawBody)
    .filter(([route, body]) => body.parsed === undefined || !route.schema.safeParse(body.parsed).success || unsafeTextErrors(body.parsed).length > 0)
    .map(([route, body]) => ({ method: 'POST', path: route.path, body: body.body, contentType: 'application/json', mustRefuse: true })),
  // An action or edit on an id that exists nowhere, with any body.
  fc
    .tuple(fc.constantFrom(...onId), segment, rawBody)
    .map(([route, id, body]) => ({ method: route.method, path: route.path(id), body: body.body, contentType: 'application/json', mustRefuse: true })),
  // Reads with any query, and any detail id.
  fc.tuple(fc.constantFrom(...lists), query).map(([path, search]) => ({ method: 'GET', path: `${path}${search}`, mustRefuse: false })),
  fc.tuple(fc.constantFrom(...details), segment, query).map(([path, id, search]) => ({ method: 'GET', path: `${path}${id}${search}`, mustRefuse: false })),
  // Methods the routes do not take, and bodies under odd content types: always refused.
  fc
    .tuple(
      anyMethod.filter((method) => method !== 'GET' && method !== 'POST'),
      fc.constantFrom(...lists),
    )
    .map(([method, path]) => ({ method, path, body: '{}', contentType: 'application/json', mustRefuse: true })),
  fc
    .tuple(
      fc.constantFrom(...creates),
      fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml'),
      fc.constantFrom('name=Acme', '<a/>', 'x'),
    )
    .map(([route, contentType, body]) => ({ method: 'POST', path: route.path, body, contentType, mustRefuse: true })),
);

/** Percent-encodes a path segment byte by byte (a lone surrogate goes as U+FFFD, as a browser sends it). */
function encodeSegment(id: string): string {
  return [...Buffer.from(id, 'utf8')]
    .map((byte) => (/[A-Za-z0-9_~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

describe('fuzzing every route through the gateway', () => {
  const baseUrl = process.env['GATEWAY_URL']!;

  /** What earlier suites started (sagas, relays) has settled, so the snapshot stands still. */
  async function settled(): Promise<void> {
    await eventually(
      async () => (await (await signedInFetch(`${baseUrl}/sagas?state=RUNNING&pageSize=1`)).json()) as { items: unknown[] },
      (running) => running.items.length === 0,
      { what: 'running sagas to finish', timeoutMs: 60_000 },
    );
  }

  it(`answers ${REQUESTS} generated requests with no 5xx, problem+json for every 4xx, every write refused, and no state change`, async () => {
    console.log(`fuzz: seed ${SEED} (FUZZ_SEED overrides), ${REQUESTS} requests`);
    await settled();
    const before = await snapshotState(baseUrl);
    const requests = fc.sample(request, { seed: SEED, numRuns: REQUESTS });
    const authorization = await bearerHeader('admin');
    const failures: string[] = [];
    let serverErrors = 0;

    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const sent = requests[next++]!;
          const response = await fetch(`${baseUrl}${sent.path}`, {
            method: sent.method,
            headers: { ...authorization, ...(sent.contentType ? { 'content-type': sent.contentType } : {}) },
            body: sent.body,
          });
          const contentType = response.headers.get('content-type') ?? '';
          const answer = await response.text();
          const what = `${sent.method} ${sent.path.slice(0, 200)} ${sent.body?.slice(0, 200) ?? ''} -> ${response.status} ${contentType} ${answer.slice(0, 200)}`;
          if (response.status >= 500) {
            serverErrors++;
            failures.push(`5xx: ${what}`);
          } else if (response.status >= 400 && !contentType.includes('application/problem+json')) {
            failures.push(`4xx without problem+json: ${what}`);
          } else if (response.status >= 400 && !REFUSALS.has(response.status)) {
            failures.push(`refused with ${response.status}, not by the edge or the validation: ${what}`);
          } else if (sent.mustRefuse && response.status < 400) {
            failures.push(`not refused: ${what}`);
          }
        }
      }),
    );

    await settled();
    const after = await snapshotState(baseUrl);
    const changed = Object.keys(before).filter((list) => before[list] !== after[list]);
    console.log(`fuzz: ${requests.length} requests, ${serverErrors} 5xx, ${changed.length} state changes (seed ${SEED})`);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(changed).toEqual([]);
  });
});
