import { Injectable } from '@nestjs/common';
import { refuse, type FieldError, type Refusal } from '@wo/platform';
import type { WorkOrdersTransaction } from '../persistence/work-orders-database';
import { WorkOrdersDatabase } from '../persistence/work-orders-database';

export interface LineInput {
  readonly sku: string;
  readonly quantity: number;
}

/**
 * Checks merchants, warehouses and SKUs against this service's replica of inventory's reference
 * data (fed by the reference-data topic), so validation needs no call to another service. Each
 * check answers a refusal (400, naming the field) rather than throwing it.
 */
@Injectable()
export class ReferenceCheck {
  constructor(private readonly db: WorkOrdersDatabase) {}

  /** The merchant given, or the only one there is (single-merchant mode). */
  async resolveMerchant(merchantId: string | undefined, client: WorkOrdersTransaction = this.db): Promise<string | Refusal> {
    if (merchantId !== undefined) {
      if (!(await client.knownMerchant.findUnique({ where: { id: merchantId } }))) {
        return refuse.invalid([{ field: 'merchantId', message: `unknown merchant ${merchantId}` }]);
      }
      return merchantId;
    }
    const merchants = await client.knownMerchant.findMany({ take: 2 });
    if (merchants.length === 1) return merchants[0]!.id;
    return refuse.invalid([
      { field: 'merchantId', message: merchants.length === 0 ? 'no merchant exists yet' : 'required when there is more than one merchant' },
    ]);
  }

  async requireWarehouse(warehouseId: string, client: WorkOrdersTransaction = this.db): Promise<{ id: string; code: string } | Refusal> {
    const warehouse = await client.knownWarehouse.findUnique({ where: { id: warehouseId } });
    return warehouse ?? refuse.invalid([{ field: 'warehouseId', message: `unknown warehouse ${warehouseId}` }]);
  }

  /** Every SKU must be a product of the merchant; errors name each offending line. */
  async requireSkus(merchantId: string, groups: Record<string, readonly LineInput[]>, client: WorkOrdersTransaction = this.db): Promise<Refusal | null> {
    const skus = [...new Set(Object.values(groups).flatMap((lines) => lines.map((line) => line.sku)))];
    const known = new Set(
      (await client.knownProduct.findMany({ where: { merchantId, sku: { in: skus } }, select: { sku: true } })).map((product) => product.sku),
    );
    const errors: FieldError[] = [];
    for (const [field, lines] of Object.entries(groups)) {
      lines.forEach((line, index) => {
        if (!known.has(line.sku)) errors.push({ field: `${field}[${index}].sku`, message: `unknown SKU ${line.sku} for merchant ${merchantId}` });
      });
    }
    return errors.length > 0 ? refuse.invalid(errors) : null;
  }
}
