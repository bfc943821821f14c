import type { AdjustmentBody } from '@wo/contracts/rest';
import { ApiError } from '../../lib/api-client';

/** What the Adjust Stock form holds; NumberInput gives '' while the box is empty. */
export interface AdjustmentFormValues {
  readonly merchantId: string | null;
  readonly sku: string;
  readonly locationCode: string | null;
  readonly quantity: number | string;
  readonly reason: string;
}

/** Keyed by the API's field names, so the form's own checks and the API's 400s land in one place. */
export type AdjustmentErrors = Partial<Record<keyof AdjustmentBody, string>>;

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
  if (Object.keys(errors).length > 0 || !values.merchantId || !values.locationCode) return { ok: false, errors };
  return { ok: true, body: { warehouseId, merchantId: values.merchantId, sku, locationCode: values.locationCode, quantity, reason } };
}

/**
 * Field messages from a failed adjustment: the 400's `errors[]`, and a 409 (a correction below
 * what is reserved) that names its `field` and explains itself in `detail`.
 */
export function adjustmentErrorsFrom(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const fields = { ...error.fieldErrors };
  const field = error.problem['field'];
  if (typeof field === 'string' && error.problem.detail && !fields[field]) fields[field] = error.problem.detail;
  return fields;
}

/** A change of stock with its sign: "+40", "-5". */
export function formatSignedQuantity(quantity: number): string {
  return quantity > 0 ? `+${quantity}` : String(quantity);
}
