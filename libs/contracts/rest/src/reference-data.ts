import { z } from 'zod';
import { isoDateTimeSchema, pageQuery } from './common';

const code = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore');
const name = z.string().trim().min(1).max(200);

/** `POST /merchants` */
export const merchantBody = z.object({ name });
export type MerchantBody = z.infer<typeof merchantBody>;

/** `GET /merchants?page=&pageSize=` (oldest first); the total in `X-Total-Count`. */
export const merchantListQuery = pageQuery;

/** `GET /warehouses?page=&pageSize=` (by code); the total in `X-Total-Count`. */
export const warehouseListQuery = pageQuery;

/** `POST /warehouses`, with its location codes (bins are coded in walking order). */
export const warehouseBody = z.object({ code, name, locations: z.array(code).max(1_000).default([]) });
export type WarehouseBody = z.input<typeof warehouseBody>;

/** `POST /warehouses/{id}/locations` */
export const locationBody = z.object({ code });
export type LocationBody = z.infer<typeof locationBody>;

/** `POST /products` */
export const productBody = z.object({
  merchantId: z.string().min(1),
  sku: z.string().trim().min(1).max(64),
  name,
  /** Stock held per lot (with expiry), allocated earliest expiry first; fixed once registered. */
  lotTracked: z.boolean().default(false),
});
export type ProductBody = z.infer<typeof productBody>;

/** How many products `GET /products?limit=` answers at most (`limit` is the SKU picker's page size). */
export const productSearchLimits = { default: 50, max: 200 } as const;

/**
 * `GET /products?merchantId=&sku=&q=&limit=&page=&pageSize=` (by SKU, then merchant and id).
 * `sku` is an exact match; `q` (for a SKU picker) matches a SKU prefix or a name substring, any
 * case, literally (`%` and `_` are no wildcards). `limit`, when given, is the page size (at most
 * 200); otherwise `pageSize` (default 100). The total is in `X-Total-Count`.
 */
export const productQuery = pageQuery.extend({
  merchantId: z.string().min(1).optional(),
  sku: z.string().min(1).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(productSearchLimits.max).optional(),
});
export type ProductQuery = z.infer<typeof productQuery>;

export const merchantSchema = z.object({ id: z.string(), name: z.string(), createdAt: isoDateTimeSchema });
export type Merchant = z.infer<typeof merchantSchema>;
/** The answer of `GET /merchants` (oldest first). */
export const merchantListSchema = z.array(merchantSchema);

export const warehouseSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), createdAt: isoDateTimeSchema, locations: z.array(z.string()) });
export type Warehouse = z.infer<typeof warehouseSchema>;
/** The answer of `GET /warehouses` (by code). */
export const warehouseListSchema = z.array(warehouseSchema);

/** The answer of `POST /warehouses/{id}/locations`. */
export const locationSchema = z.object({ warehouseId: z.string(), code: z.string() });
export type Location = z.infer<typeof locationSchema>;

export const productSchema = z.object({
  id: z.string(),
  merchantId: z.string(),
  sku: z.string(),
  name: z.string(),
  lotTracked: z.boolean(),
  createdAt: isoDateTimeSchema,
});
export type Product = z.infer<typeof productSchema>;
/** The answer of `GET /products`. */
export const productListSchema = z.array(productSchema);
