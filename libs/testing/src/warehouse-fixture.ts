import { randomUUID } from 'node:crypto';
import type { ApiClient } from './api-client';
import { eventually } from './eventually';

export interface StockLine {
  readonly sku: string;
  readonly locationCode: string;
  readonly quantity: number;
  /** For a lot-tracked SKU: the lot restocked (and its expiry day). */
  readonly lot?: { readonly code: string; readonly expiresOn?: string };
}

/**
 * A fresh merchant and warehouse with products and stock, created through the public API, so a
 * test owns its data and never collides with another test's.
 */
export class WarehouseFixture {
  private constructor(
    readonly api: ApiClient,
    readonly merchantId: string,
    readonly warehouseId: string,
    readonly tag: string,
  ) {}

  /** `lotTracked`: the SKUs (of `skus`) whose stock is held per lot. */
  static async create(api: ApiClient, options: { skus: string[]; locations?: string[]; lotTracked?: string[] }): Promise<WarehouseFixture> {
    const tag = randomUUID().slice(0, 8);
    const merchant = await expectCreated(api.post('/merchants', { name: `Merchant ${tag}` }));
    const warehouse = await expectCreated(
      api.post('/warehouses', { code: `WH-${tag}`, name: `Warehouse ${tag}`, locations: options.locations ?? ['A-01', 'A-02', 'B-01'] }),
    );
    const fixture = new WarehouseFixture(api, merchant.id, warehouse.id, tag);
    for (const sku of options.skus) {
      await expectCreated(api.post('/products', { merchantId: merchant.id, sku, name: sku, lotTracked: options.lotTracked?.includes(sku) ?? false }));
    }
    await fixture.waitUntilWorkOrdersKnow(options.skus);
    return fixture;
  }

  async stock(lines: StockLine[]): Promise<void> {
    for (const line of lines) {
      await expectCreated(
        this.api.post('/inventory/adjustments', { warehouseId: this.warehouseId, merchantId: this.merchantId, ...line, reason: 'test restock' }),
      );
    }
  }

  async inventoryOf(
    sku: string,
  ): Promise<{ onHand: number; reserved: number; available: number; locations: { locationCode: string; onHand: number; reserved: number }[] }> {
    const response = await this.api.get(`/inventory?warehouseId=${this.warehouseId}&merchantId=${this.merchantId}&sku=${encodeURIComponent(sku)}`);
    return response.body[0] ?? { onHand: 0, reserved: 0, available: 0, locations: [] };
  }

  /** Creates a work order for this merchant and warehouse and returns its detail. */
  async workOrder(body: Record<string, unknown>): Promise<any> {
    return expectCreated(
      this.api.post('/work-orders', { merchantId: this.merchantId, warehouseId: this.warehouseId, name: `Order ${randomUUID().slice(0, 6)}`, ...body }),
    );
  }

  /** Reads the order until no saga step is in flight. */
  settled(workOrderId: string, timeoutMs = 30_000): Promise<any> {
    return eventually(
      async () => (await this.api.get(`/work-orders/${workOrderId}`)).body,
      (order) => order?.pendingAction === null,
      { timeoutMs, what: `work order ${workOrderId} to settle` },
    );
  }

  /** The work-orders service learns products from Kafka; wait until it accepts these SKUs. */
  private async waitUntilWorkOrdersKnow(skus: string[]): Promise<void> {
    await eventually(
      () => this.api.get(`/work-orders/number-suggestion?warehouseId=${this.warehouseId}`),
      (response) => response.status === 200,
      { what: 'the warehouse to reach work-orders' },
    );
    // A BOM takes at most 200 lines: probe the SKUs in slices.
    for (let start = 0; start < skus.length; start += 200) {
      const slice = skus.slice(start, start + 200);
      const probe = {
        merchantId: this.merchantId,
        name: `probe ${this.tag}`,
        outputs: [{ sku: slice[0], quantity: 1 }],
        materials: slice.map((sku) => ({ sku, quantity: 1 })),
      };
      const bom = await eventually(
        () => this.api.post('/boms', probe),
        (response) => response.status === 201,
        { what: 'the products to reach work-orders' },
      );
      await this.api.delete(`/boms/${bom.body.id}`);
    }
  }
}

async function expectCreated(request: Promise<{ status: number; body: any }>): Promise<any> {
  const response = await request;
  if (response.status !== 201) throw new Error(`expected 201, got ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}
