import { InboundStatus } from '@wo/contracts/rest';

// The statuses are part of the REST contract, their one definition.
export { InboundStatus };

export interface InboundLine {
  readonly sku: string;
  /** The lot the goods come in as: the one expected (finished goods: the work order's number) until the first receipt names another. */
  readonly lot: string | null;
  readonly expiresOn: string | null;
  readonly expected: number;
  readonly received: number;
  readonly putAway: number;
}

export interface LineError {
  readonly index: number;
  readonly field: 'sku' | 'quantity' | 'locationCode' | 'lot' | 'expiresOn';
  readonly message: string;
}

/** A line fault that is about the line's lot, not the count: the receipt contradicts the lot already received (409, not 400). */
export function isLotConflict(error: LineError): boolean {
  return error.field === 'lot' || error.field === 'expiresOn';
}

/**
 * An inbound order's lifecycle as pure functions: `decide` checks a command against the order and
 * says what happens; `evolve` applies it, and the status follows from the lines (pending,
 * receiving, received, put away). A putaway inventory refuses gives its goods back to the line,
 * so a put-away order is received again until they are shelved elsewhere. The service persists the result and never sets a status
 * itself. `status: null` is an order not created yet.
 */
export interface InboundOrderState {
  readonly status: InboundStatus | null;
  readonly lines: readonly InboundLine[];
}

export const noInboundOrder: InboundOrderState = { status: null, lines: [] };

export interface Receipt {
  readonly sku: string;
  readonly quantity: number;
}

/** Goods counted in; `lot`/`expiresOn`: what the goods carry, when the receiver names it. */
export interface ReceivedGoods extends Receipt {
  readonly lot?: string;
  readonly expiresOn?: string;
}

/** A line expected, with the lot it is expected as (none for goods without lots). */
export interface ExpectedGoods extends Receipt {
  readonly lot?: string;
}

export interface Putaway extends Receipt {
  readonly locationCode: string;
}

export type InboundOrderCommand =
  | { readonly type: 'create'; readonly expected: readonly ExpectedGoods[] }
  | { readonly type: 'receive'; readonly receipt: readonly ReceivedGoods[] }
  /** `knownLocations`: the warehouse's location codes (this service's replica of inventory's). */
  | { readonly type: 'putAway'; readonly putaways: readonly Putaway[]; readonly knownLocations: ReadonlySet<string> }
  /** Inventory could not shelve a putaway (PutawayRefused): `putaway` as this order recorded it, if it did. */
  | { readonly type: 'reopenPutaway'; readonly putaway: RecordedPutaway | null; readonly refusal: PutawayRefusal };

/** A putaway this order sent to inventory, and whether it was refused already. */
export interface RecordedPutaway extends Putaway {
  readonly id: string;
  readonly refused: boolean;
}

/** Why inventory did not shelve a putaway, and the field of it at fault. */
export interface PutawayRefusal {
  readonly field: string;
  readonly reason: string;
}

export type InboundOrderEvent =
  | { readonly type: 'Created'; readonly expected: readonly ExpectedGoods[] }
  | { readonly type: 'GoodsReceived'; readonly receipt: readonly ReceivedGoods[] }
  | { readonly type: 'GoodsPutAway'; readonly putaways: readonly Putaway[] }
  /** The goods of a refused putaway are back on the line, still to be put away. */
  | { readonly type: 'PutawayReopened'; readonly putaway: RecordedPutaway; readonly refusal: PutawayRefusal };

export type InboundOrderDecision =
  | { readonly kind: 'accepted'; readonly events: readonly InboundOrderEvent[] }
  /** The command does not match the order: every line at fault, by its index in the command. */
  | { readonly kind: 'refused'; readonly errors: readonly LineError[] }
  /** A create for an order that exists (a re-sent command, answered as the first time), or a refusal heard before. */
  | { readonly kind: 'ignored'; readonly reason: string };

export function decide(state: InboundOrderState, command: InboundOrderCommand): InboundOrderDecision {
  switch (command.type) {
    case 'create':
      if (state.status !== null) return { kind: 'ignored', reason: 'the inbound order exists already' };
      return { kind: 'accepted', events: [{ type: 'Created', expected: command.expected }] };
    case 'receive': {
      const result = receive(state.lines, command.receipt);
      return 'errors' in result
        ? { kind: 'refused', errors: result.errors }
        : { kind: 'accepted', events: [{ type: 'GoodsReceived', receipt: command.receipt }] };
    }
    case 'putAway': {
      const unknownLocations = command.putaways.flatMap((item, index) =>
        command.knownLocations.has(item.locationCode)
          ? []
          : [{ index, field: 'locationCode' as const, message: `no location ${item.locationCode} in this warehouse` }],
      );
      const result = putAway(state.lines, command.putaways);
      const errors = [...unknownLocations, ...('errors' in result ? result.errors : [])];
      return errors.length > 0 ? { kind: 'refused', errors } : { kind: 'accepted', events: [{ type: 'GoodsPutAway', putaways: command.putaways }] };
    }
    case 'reopenPutaway': {
      const { putaway, refusal } = command;
      if (state.status === null || putaway === null) return { kind: 'ignored', reason: 'no such putaway on this inbound order' };
      // A re-delivered or re-sent refusal: its goods are back on the line already.
      if (putaway.refused) return { kind: 'ignored', reason: `putaway ${putaway.id} was refused already` };
      return { kind: 'accepted', events: [{ type: 'PutawayReopened', putaway, refusal }] };
    }
    default: {
      const unknownCommand: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknownCommand)}`);
    }
  }
}

/** Applies what happened; an event that does not fit the order is a bug, not a refusal. */
export function evolve(state: InboundOrderState, event: InboundOrderEvent): InboundOrderState {
  const unsupported = (why: string) => new Error(`cannot apply ${event.type} to an inbound order that is ${state.status ?? 'not created'}: ${why}`);
  const withLines = (lines: InboundLine[]): InboundOrderState => ({ status: statusOf(lines), lines });
  switch (event.type) {
    case 'Created':
      if (state.status !== null) throw unsupported('it exists');
      return withLines(
        event.expected.map(({ sku, quantity, lot }) => ({ sku, lot: lot ?? null, expiresOn: null, expected: quantity, received: 0, putAway: 0 })),
      );
    case 'GoodsReceived': {
      if (state.status === null) throw unsupported('no such order');
      const result = receive(state.lines, event.receipt);
      if ('errors' in result) throw unsupported(result.errors[0]!.message);
      return withLines(result.lines);
    }
    case 'GoodsPutAway': {
      if (state.status === null) throw unsupported('no such order');
      const result = putAway(state.lines, event.putaways);
      if ('errors' in result) throw unsupported(result.errors[0]!.message);
      return withLines(result.lines);
    }
    case 'PutawayReopened': {
      if (state.status === null) throw unsupported('no such order');
      const { sku, quantity } = event.putaway;
      const line = state.lines.find((candidate) => candidate.sku === sku);
      if (!line || line.putAway < quantity) throw unsupported(`${quantity} of ${sku} were not put away`);
      return withLines(state.lines.map((candidate) => (candidate === line ? { ...line, putAway: line.putAway - quantity } : candidate)));
    }
    default: {
      const unknownEvent: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknownEvent)}`);
    }
  }
}

export function statusOf(lines: readonly InboundLine[]): InboundStatus {
  if (lines.every((line) => line.putAway === line.expected)) return InboundStatus.PutAway;
  if (lines.every((line) => line.received === line.expected)) return InboundStatus.Received;
  if (lines.some((line) => line.received > 0)) return InboundStatus.Receiving;
  return InboundStatus.Pending;
}

/**
 * A receipt (partial allowed) counts goods in; never more than expected: that is an over-receipt.
 * A line holds one lot: its first receipt may name the lot printed on the goods (replacing the one
 * expected) and its expiry; a later receipt may repeat them but not name others.
 */
export function receive(lines: readonly InboundLine[], receipt: readonly ReceivedGoods[]): { lines: InboundLine[] } | { errors: LineError[] } {
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
    const firstReceipt = line.received === 0;
    if (!firstReceipt && item.lot !== undefined && item.lot !== line.lot) {
      return errors.push({
        index,
        field: 'lot',
        message: `${item.sku} is being received as lot ${line.lot ?? '(none)'}: one lot per line, so ${item.lot} cannot be received on it`,
      });
    }
    if (!firstReceipt && item.expiresOn !== undefined && item.expiresOn !== line.expiresOn) {
      return errors.push({
        index,
        field: 'expiresOn',
        message: `${item.sku} is being received with expiry ${line.expiresOn ?? '(none)'}: a lot has one expiry, not ${item.expiresOn}`,
      });
    }
    if (firstReceipt) {
      if (item.lot !== undefined) line.lot = item.lot;
      if (item.expiresOn !== undefined) line.expiresOn = item.expiresOn;
    }
    line.received += item.quantity;
  });
  return errors.length > 0 ? { errors } : { lines: [...next.values()] };
}

/** A putaway shelves received goods; never more than received and not yet put away. */
export function putAway(lines: readonly InboundLine[], putaways: readonly Receipt[]): { lines: InboundLine[] } | { errors: LineError[] } {
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
