import { z } from 'zod';
import { defineMessage } from '@wo/contracts/envelope';
import { InventoryTopics } from './topics';

export const MerchantRegistered = defineMessage({
  type: 'inventory.MerchantRegistered',
  version: 1,
  topic: InventoryTopics.referenceData,
  schema: z.object({ merchantId: z.string().min(1), name: z.string() }),
});

export const WarehouseRegistered = defineMessage({
  type: 'inventory.WarehouseRegistered',
  version: 1,
  topic: InventoryTopics.referenceData,
  schema: z.object({ warehouseId: z.string().min(1), code: z.string(), name: z.string(), locations: z.array(z.string()).default([]) }),
});

export const LocationAdded = defineMessage({
  type: 'inventory.LocationAdded',
  version: 1,
  topic: InventoryTopics.referenceData,
  schema: z.object({ warehouseId: z.string().min(1), code: z.string().min(1) }),
});

/** A product entered a merchant's SKU master. `lotTracked` (additive, optional): absent means false. */
export const ProductRegistered = defineMessage({
  type: 'inventory.ProductRegistered',
  version: 1,
  topic: InventoryTopics.referenceData,
  schema: z.object({
    productId: z.string().min(1),
    merchantId: z.string().min(1),
    sku: z.string().min(1),
    name: z.string(),
    /** Its stock is held per lot and allocated earliest expiry first (docs/decisions/0007-lots.md). */
    lotTracked: z.boolean().optional(),
  }),
});
