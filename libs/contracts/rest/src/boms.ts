import { z } from 'zod';
import { isoDateTimeSchema, lineSchema, linesSchema, pageQuery } from './common';

/** `POST /boms` and `PUT /boms/{id}`: a recipe, what one set produces and consumes. */
export const bomBody = z.object({
  /** Optional when there is a single merchant. */
  merchantId: z.string().min(1).optional(),
  name: z.string().trim().min(1).max(200),
  outputs: linesSchema,
  materials: linesSchema,
});
export type BomBody = z.infer<typeof bomBody>;

/** `GET /boms?merchantId=&page=&pageSize=` (by name, then id; the total in `X-Total-Count`). */
export const bomQuery = pageQuery.extend({ merchantId: z.string().min(1).optional() });
/** What a client sends (paging optional). */
export type BomQuery = z.input<typeof bomQuery>;

/** The answer of `POST /boms`, `GET /boms/{id}` and `PUT /boms/{id}`. */
export const bomSchema = z.object({
  id: z.string(),
  merchantId: z.string(),
  name: z.string(),
  outputs: z.array(lineSchema),
  materials: z.array(lineSchema),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type Bom = z.infer<typeof bomSchema>;
/** The answer of `GET /boms`. */
export const bomListSchema = z.array(bomSchema);
