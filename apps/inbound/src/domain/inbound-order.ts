import { InboundStatus } from '@wo/contracts/rest';

// The statuses are part of the REST contract, their one definition.
export { InboundStatus };

export interface InboundLine {
  readonly sku: string;
  readonly expected: number;
  readonly received: number;
  readonly putAway: number;
}

export interface LineError {
  readonly index: number;
  readonly field: 'sku' | 'quantity' | 'locationCode';
  readonly message: string;
}

export function statusOf(lines: readonly InboundLine[]): InboundStatus {
  if (lines.every((line) => line.putAway === line.expected)) return InboundStatus.PutAway;
  if (lines.every((line) => line.received === line.expected)) return InboundStatus.Received;
  if (lines.some((line) => line.received > 0)) return InboundStatus.Receiving;
  return InboundStatus.Pending;
}

/** A receipt (partial allowed) counts goods in; never more than expected: that is an over-receipt. */
export function receive(
  lines: readonly InboundLine[],
  receipt: readonly { sku: string; quantity: number }[],
): { lines: InboundLine[] } | { errors: LineError[] } {
  const next = new Map(lines.map((line) => [line.sku, { ...line }]));
  const errors: LineError[] = [];
  receipt.forEach((item, index) => {
    const line = next.get(item.sku);
    if (!line) return errors.push({ index, field: 'sku', message: `${item.sku} is not expected on this inbound order` });
    if (line.received + item.quantity > line.expected) {
      return errors.push({
        index,
        field: 'quantity',
        message: `over-receipt: ${line.expected - line.received} of ${item.sku} still expected, ${item.quantity} received`,
      });
    }
    line.received += item.quantity;
  });
  return errors.length > 0 ? { errors } : { lines: [...next.values()] };
}

/** A putaway shelves received goods; never more than received and not yet put away. */
export function putAway(
  lines: readonly InboundLine[],
  putaways: readonly { sku: string; quantity: number }[],
): { lines: InboundLine[] } | { errors: LineError[] } {
  const next = new Map(lines.map((line) => [line.sku, { ...line }]));
  const errors: LineError[] = [];
  putaways.forEach((item, index) => {
    const line = next.get(item.sku);
    if (!line) return errors.push({ index, field: 'sku', message: `${item.sku} is not on this inbound order` });
    if (line.putAway + item.quantity > line.received) {
      return errors.push({ index, field: 'quantity', message: `only ${line.received - line.putAway} of ${item.sku} received and not yet put away` });
    }
    line.putAway += item.quantity;
  });
  return errors.length > 0 ? { errors } : { lines: [...next.values()] };
}
