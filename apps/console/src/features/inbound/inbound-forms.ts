import type { InboundLine, InboundOrder, PutawayBody, ReceiveBody } from '@wo/contracts/rest';
import { expiryProblem, lotCodeProblem } from '../lots/lots';

/** What a quantity field holds: Mantine's NumberInput gives '' while it is empty. */
export type QuantityValue = number | string;

export const stillExpected = (line: InboundLine) => Math.max(0, line.expected - line.received);
export const awaitingPutaway = (line: InboundLine) => Math.max(0, line.received - line.putAway);

export const quantityOf = (value: QuantityValue | undefined): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Receive defaults to all that is still expected, line by line. */
export function receiveDefaults(lines: readonly InboundLine[]): Record<string, QuantityValue> {
  return Object.fromEntries(lines.map((line) => [line.sku, stillExpected(line)]));
}

/** The lot a line is received as: the one it expects (finished goods: the work order's number) unless the receiver names the one printed on the goods. */
export interface ReceiveLotValue {
  readonly lot: string;
  /** `YYYY-MM-DD`, or '' for none. */
  readonly expiresOn: string;
}

/** Receive prefills each line's lot and expiry with what the line expects. */
export function receiveLotDefaults(lines: readonly InboundLine[]): Record<string, ReceiveLotValue> {
  return Object.fromEntries(lines.map((line) => [line.sku, { lot: line.lot ?? '', expiresOn: line.expiresOn ?? '' }]));
}

/** A line's lot can be changed only at its first receipt: one lot per line. */
export const lotIsOpen = (line: InboundLine) => line.received === 0;

/** Whether the receiver named another lot or expiry than the line expects, at its first receipt. */
function lotChanged(line: InboundLine | undefined, value: ReceiveLotValue | undefined): value is ReceiveLotValue {
  if (!line || !value || !lotIsOpen(line)) return false;
  return value.lot.trim() !== (line.lot ?? '') || value.expiresOn !== (line.expiresOn ?? '');
}

/**
 * The receipt: lines with something to receive; null when there is nothing. A line whose lot or
 * expiry the receiver changed names them (the API takes them at the line's first receipt only).
 */
export function buildReceiveBody(
  values: Record<string, QuantityValue>,
  lots: Record<string, ReceiveLotValue> = {},
  orderLines: readonly InboundLine[] = [],
): ReceiveBody | null {
  const bySku = new Map(orderLines.map((line) => [line.sku, line]));
  const lines = Object.entries(values)
    .map(([sku, value]) => {
      const lot = lots[sku];
      const line = { sku, quantity: quantityOf(value) };
      const expected = bySku.get(sku);
      if (!lotChanged(expected, lot)) return line;
      // What changed, and only that: an expiry alone is the expected lot's.
      const code = lot.lot.trim();
      return { ...line, ...(code !== (expected?.lot ?? '') && { lot: code }), ...(lot.expiresOn && { expiresOn: lot.expiresOn }) };
    })
    .filter((line) => line.quantity > 0);
  return lines.length > 0 ? { lines } : null;
}

/** What to fix in the lots before receiving: a line that expects a lot keeps one, written as the API takes it. */
export function receiveLotErrors(values: Record<string, QuantityValue>, lots: Record<string, ReceiveLotValue>, orderLines: readonly InboundLine[]): LineErrors {
  const errors: LineErrors = {};
  for (const line of orderLines) {
    const lot = lots[line.sku];
    if (quantityOf(values[line.sku]) <= 0 || !lotChanged(line, lot)) continue;
    const code = lot.lot.trim();
    // A line that expects a lot keeps one; a lot without one (untracked goods) needs a lot only to carry an expiry.
    const lotProblem = code || line.lot ? lotCodeProblem(code) : lot.expiresOn ? 'Enter the lot the expiry belongs to' : undefined;
    const dayProblem = expiryProblem(lot.expiresOn);
    if (lotProblem || dayProblem) errors[line.sku] = { ...(lotProblem ? { lot: lotProblem } : {}), ...(dayProblem ? { expiresOn: dayProblem } : {}) };
  }
  return errors;
}

export interface PutawayValue {
  readonly quantity: QuantityValue;
  readonly locationCode: string | null;
}

/**
 * Put away defaults to all received and not yet shelved, at the location the SKU went to last
 * (goods of one SKU usually share a bin), or nowhere yet so the operator chooses.
 */
export function putawayDefaults(order: Pick<InboundOrder, 'lines' | 'putaways'>): Record<string, PutawayValue> {
  return Object.fromEntries(
    order.lines.map((line) => [
      line.sku,
      { quantity: awaitingPutaway(line), locationCode: order.putaways.filter((putaway) => putaway.sku === line.sku).at(-1)?.locationCode ?? null },
    ]),
  );
}

/** Per SKU, the messages to show next to its fields. */
export type LineErrors = Record<string, { quantity?: string; locationCode?: string; lot?: string; expiresOn?: string }>;

/** The putaway, or the fields to fix first: a line with a quantity needs a location. */
export function buildPutawayBody(values: Record<string, PutawayValue>): { body: PutawayBody | null; errors: LineErrors } {
  const errors: LineErrors = {};
  const lines: PutawayBody['lines'] = [];
  for (const [sku, value] of Object.entries(values)) {
    const quantity = quantityOf(value.quantity);
    if (quantity <= 0) continue;
    if (!value.locationCode) errors[sku] = { locationCode: 'Choose a location' };
    else lines.push({ sku, quantity, locationCode: value.locationCode });
  }
  if (Object.keys(errors).length > 0) return { body: null, errors };
  return { body: lines.length > 0 ? { lines } : null, errors };
}

/**
 * The API names a line by its place in the body it was sent (`lines[1].quantity`); zero lines are
 * left out of the body, so the place is turned back into the SKU it was, to show the message there.
 */
export function lineErrorsFromApi(fieldErrors: Record<string, string>, body: { lines: readonly { sku: string }[] }): LineErrors {
  const errors: LineErrors = {};
  for (const [field, message] of Object.entries(fieldErrors)) {
    const match = /^lines\[(\d+)\]\.(quantity|locationCode|sku|lot|expiresOn)$/.exec(field);
    const sku = match ? body.lines[Number(match[1])]?.sku : undefined;
    if (!match || !sku) continue;
    const key = match[2] === 'locationCode' || match[2] === 'lot' || match[2] === 'expiresOn' ? match[2] : 'quantity';
    errors[sku] = { ...errors[sku], [key]: message };
  }
  return errors;
}
