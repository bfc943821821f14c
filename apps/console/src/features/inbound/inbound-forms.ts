import type { InboundLine, InboundOrder, PutawayBody, ReceiveBody } from '@wo/contracts/rest';

/** What a quantity field holds: Mantine's NumberInput gives '' while it is empty. */
export type QuantityValue = number | string;

export const stillExpected = (line: InboundLine) => Math.max(0, line.expected - line.received);
export const awaitingPutaway = (line: InboundLine) => Math.max(0, line.received - line.putAway);

export const quantityOf = (value: QuantityValue | undefined): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Receive defaults to all that is still expected, line by line. */
export function receiveDefaults(lines: readonly InboundLine[]): Record<string, QuantityValue> {
  return Object.fromEntries(lines.map((line) => [line.sku, stillExpected(line)]));
}

/** The receipt: lines with something to receive; null when there is nothing. */
export function buildReceiveBody(values: Record<string, QuantityValue>): ReceiveBody | null {
  const lines = Object.entries(values)
    .map(([sku, value]) => ({ sku, quantity: quantityOf(value) }))
    .filter((line) => line.quantity > 0);
  return lines.length > 0 ? { lines } : null;
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
export type LineErrors = Record<string, { quantity?: string; locationCode?: string }>;

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
    const match = /^lines\[(\d+)\]\.(quantity|locationCode|sku)$/.exec(field);
    const sku = match ? body.lines[Number(match[1])]?.sku : undefined;
    if (!match || !sku) continue;
    const key = match[2] === 'locationCode' ? 'locationCode' : 'quantity';
    errors[sku] = { ...errors[sku], [key]: message };
  }
  return errors;
}
