import { issuerUrl, loginRedirectUri, optionsFromEnv } from '@wo/dev-system';
import { ApiClient, eventually } from '@wo/testing';

/**
 * `npm run seed`: demo data for a first look at the console, through the public API of a running
 * system (GATEWAY_URL, default http://localhost:3000), as the dev provider's admin. A merchant, a warehouse with bins,
 * products, some stock and a gift-set BOM; run it again and it adds nothing twice. The honey is
 * lot-tracked, in two lots of different expiry, with a BOM of its own: confirm a "Honey gift box"
 * order and it takes the lot that expires first; complete it and Lot Trace follows the lots.
 */
const products = [
  { sku: 'GIFT-SET-HOLIDAY', name: 'Holiday gift set' },
  { sku: 'GIFT-BOX', name: 'Gift box, red' },
  { sku: 'CHOC-BAR', name: 'Dark chocolate bar 100 g' },
  { sku: 'CANDLE-VAN', name: 'Vanilla candle' },
  { sku: 'TEA-EARL', name: 'Earl Grey tea, 20 bags' },
  { sku: 'MUG-WHITE', name: 'White mug' },
  { sku: 'HONEY-JAR', name: 'Wildflower honey 250 g', lotTracked: true },
  { sku: 'HONEY-GIFT', name: 'Honey gift box', lotTracked: true },
];

/** A day this many days from today, as lots name their expiry. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const stock = [
  { sku: 'GIFT-BOX', locationCode: 'A-01', quantity: 40 },
  { sku: 'CHOC-BAR', locationCode: 'A-02', quantity: 120 },
  { sku: 'CANDLE-VAN', locationCode: 'B-01', quantity: 25 },
  { sku: 'TEA-EARL', locationCode: 'B-02', quantity: 60 },
  // The later lot sits at the first bin of the picker's walk: allocation passes it over (FEFO).
  { sku: 'HONEY-JAR', locationCode: 'A-01', quantity: 30, lot: { code: 'HNY-LATE', expiresOn: inDays(180) } },
  { sku: 'HONEY-JAR', locationCode: 'B-01', quantity: 12, lot: { code: 'HNY-SOON', expiresOn: inDays(45) } },
];

const boms = [
  {
    name: 'Holiday gift set',
    outputs: [{ sku: 'GIFT-SET-HOLIDAY', quantity: 1 }],
    materials: [
      { sku: 'GIFT-BOX', quantity: 1 },
      { sku: 'CHOC-BAR', quantity: 2 },
      { sku: 'CANDLE-VAN', quantity: 1 },
    ],
  },
  {
    name: 'Honey gift box',
    outputs: [{ sku: 'HONEY-GIFT', quantity: 1 }],
    materials: [
      { sku: 'GIFT-BOX', quantity: 1 },
      { sku: 'HONEY-JAR', quantity: 2 },
    ],
  },
];

async function main(): Promise<void> {
  const options = optionsFromEnv(process.env);
  const api = await ApiClient.as('admin', {
    baseUrl: process.env['GATEWAY_URL'] ?? `http://localhost:${options.gatewayPort}`,
    issuerUrl: process.env['OIDC_ISSUER_URL'] ?? issuerUrl(options),
    redirectUri: loginRedirectUri(options),
  });
  const merchant = await findOrCreate(api, '/merchants', (row) => row.name === 'Acme Gifts', { name: 'Acme Gifts' });
  const warehouse = await findOrCreate(api, '/warehouses', (row) => row.code === 'WH1', {
    code: 'WH1',
    name: 'Main warehouse',
    locations: ['A-01', 'A-02', 'B-01', 'B-02', 'FG-01'],
  });
  const known = (await api.get(`/products?merchantId=${merchant.id}`)).body as { sku: string }[];
  for (const product of products) {
    if (!known.some((row) => row.sku === product.sku)) await expect201(api.post('/products', { merchantId: merchant.id, ...product }));
  }
  const levels = (await api.get(`/inventory?warehouseId=${warehouse.id}&merchantId=${merchant.id}`)).body as { sku: string }[];
  for (const line of stock) {
    if (!levels.some((row) => row.sku === line.sku)) {
      await expect201(api.post('/inventory/adjustments', { warehouseId: warehouse.id, merchantId: merchant.id, ...line, reason: 'demo opening stock' }));
    }
  }
  const knownBoms = (await api.get(`/boms?merchantId=${merchant.id}`)).body as { name: string }[];
  for (const bom of boms) {
    if (knownBoms.some((known) => known.name === bom.name)) continue;
    // Work-orders learns the products from Kafka: the BOM is accepted once it knows them.
    await eventually(
      () => api.post('/boms', { merchantId: merchant.id, ...bom }),
      (response) => response.status === 201,
      { what: 'work-orders to know the demo products', timeoutMs: 30_000 },
    );
  }
  process.stdout.write(
    `[seed]        demo data ready: merchant Acme Gifts, warehouse WH1, ${products.length} products (the honey in two lots), BOMs "Holiday gift set" and "Honey gift box"\n`,
  );
}

async function findOrCreate(api: ApiClient, path: string, match: (row: any) => boolean, body: unknown): Promise<any> {
  const existing = ((await api.get(path)).body as any[]).find(match);
  return existing ?? expect201(api.post(path, body));
}

async function expect201(request: Promise<{ status: number; body: any }>): Promise<any> {
  const response = await request;
  if (response.status !== 201) throw new Error(`expected 201, got ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

main().catch((error: Error) => {
  process.stderr.write(`[seed]        failed: ${error.message}\n`);
  process.exit(1);
});
