import type { AdjustmentBody } from '@wo/contracts/rest';
import { ApiError } from '../../lib/api-client';
import { expiryProblem, lotCodeProblem } from '../lots/lots';

/** What the Adjust Stock form holds; NumberInput gives '' while the box is empty. */
export interface AdjustmentFormValues {
  readonly merchantId: string | null;
  readonly sku: string;
  readonly locationCode: string | null;
  readonly quantity: number | string;
  readonly reason: string;
  /** The chosen SKU is lot-tracked: the adjustment must name its lot (and may give its expiry). */
  readonly lotTracked?: boolean;
  readonly lot?: string;
  /** `YYYY-MM-DD`, or '' for a lot without expiry. */
  readonly expiresOn?: string;
}

/** Keyed by the API's field names, so the form's own checks and the API's 400s land in one place. */
export type AdjustmentErrors = Partial<Record<keyof AdjustmentBody | 'lot.expiresOn', string>>;

export type AdjustmentDraft = { readonly ok: true; readonly body: AdjustmentBody } | { readonly ok: false; readonly errors: AdjustmentErrors };

/** The body of POST /inventory/adjustments, or what is missing before it is worth sending. */
export function buildAdjustmentBody(warehouseId: string, values: AdjustmentFormValues): AdjustmentDraft {
  const errors: AdjustmentErrors = {};
  const sku = values.sku.trim();
  const reason = values.reason.trim();
  const quantity = typeof values.quantity === 'number' ? values.quantity : Number.NaN;
  if (!values.merchantId) errors.merchantId = 'Choose a merchant';
  if (!sku) errors.sku = 'Choose a SKU';
  if (!values.locationCode) errors.locationCode = 'Choose a location';
  if (values.quantity === '') errors.quantity = 'Enter a quantity';
  else if (!Number.isInteger(quantity)) errors.quantity = 'Enter a whole number: positive to restock, negative to correct down';
  else if (quantity === 0) errors.quantity = 'Must not be zero';
  if (!reason) errors.reason = 'Say why, e.g. restock';
  const lotCode = (values.lot ?? '').trim();
  const expiresOn = (values.expiresOn ?? '').trim();
  if (values.lotTracked) {
    const lotProblem = lotCodeProblem(lotCode);
    if (lotProblem) errors.lot = lotProblem;
    const dayProblem = expiryProblem(expiresOn);
    if (dayProblem) errors['lot.expiresOn'] = dayProblem;
  }
  if (Object.keys(errors).length > 0 || !values.merchantId || !values.locationCode) return { ok: false, errors };
  const body: AdjustmentBody = { warehouseId, merchantId: values.merchantId, sku, locationCode: values.locationCode, quantity, reason };
  // Only a lot-tracked SKU names a lot: the API refuses one for any other.
  if (values.lotTracked) body.lot = expiresOn ? { code: lotCode, expiresOn } : { code: lotCode };
  return { ok: true, body };
}

/**
 * Field messages from a failed adjustment: the 400's `errors[]`, and a 409 (a correction below
 * what is reserved) that names its `field` and explains itself in `detail`.
 */
export function adjustmentErrorsFrom(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const fields = { ...error.fieldErrors };
  // The lot's code is the Lot field itself.
  if (fields['lot.code'] && !fields['lot']) fields['lot'] = fields['lot.code'];
  const field = error.problem['field'];
  if (typeof field === 'string' && error.problem.detail && !fields[field]) fields[field] = error.problem.detail;
  return fields;
}

/** A change of stock with its sign: "+40", "-5". */
export function formatSignedQuantity(quantity: number): string {
  return quantity > 0 ? `+${quantity}` : String(quantity);
}
