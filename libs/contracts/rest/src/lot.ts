import { z } from 'zod';

/**
 * A lot (batch) of one merchant's SKU, as every service names it: its code is unique per merchant
 * and SKU. Lot-tracked products hold stock per location and lot (docs/decisions/0007-lots.md).
 */
export const lotCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

/** A calendar day, `YYYY-MM-DD`: a lot is usable through its expiry day and expired after it. */
export const expiryDateSchema = z.iso.date();

/** Where a lot-tracked quantity sits and which lot it is (both optional fields: untracked stock has no lot). */
export const lotFields = {
  /** The lot, for a lot-tracked product; absent for stock without lots. */
  lot: lotCodeSchema.optional(),
  /** The lot's expiry day, when it has one. */
  expiresOn: expiryDateSchema.optional(),
};
