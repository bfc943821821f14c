import { allocateAcrossBins, availableOf, withReserved, type BinQuantity, type BinStock } from './stock-allocation';

export const ReservationStatus = { Reserved: 'RESERVED', Rejected: 'REJECTED', Released: 'RELEASED', Consumed: 'CONSUMED' } as const;
export type ReservationStatus = (typeof ReservationStatus)[keyof typeof ReservationStatus];

export type { BinQuantity } from './stock-allocation';

/**
 * A reservation's lifecycle as pure functions: `decide` takes a command (reserve, release,
 * consume) and says what happens, or that it is ignored (a re-sent or late command, answered as
 * before); `evolve` applies what happened. The service writes the result and never sets a status
 * itself. `status: null` is a reservation never asked for.
 */
export interface ReservationState {
  readonly status: ReservationStatus | null;
  readonly quantity: number;
  /** The bins and lots it holds (reserved), held (released) or took its quantity from (consumed). */
  readonly allocations: readonly BinQuantity[];
}

export const noReservation: ReservationState = { status: null, quantity: 0, allocations: [] };

export type ReservationCommand =
  /** `bins`: the SKU's bins (per lot), as they stand now; `today` (`YYYY-MM-DD`, UTC) tells which lots expired. */
  | { readonly type: 'reserve'; readonly quantity: number; readonly bins: readonly BinStock[]; readonly today: string }
  | { readonly type: 'release' }
  | { readonly type: 'consume' };

export type ReservationEvent =
  | { readonly type: 'Reserved'; readonly quantity: number; readonly allocations: readonly BinQuantity[] }
  /**
   * Nothing is held: the bins together had only `available` (short), or, in an order taken all or
   * nothing, another line of the order was short (then `available` may cover `quantity`).
   */
  | { readonly type: 'Rejected'; readonly quantity: number; readonly available: number }
  /**
   * A release got here before the reserve it undoes (they travel on different partitions): a
   * tombstone, RELEASED holding nothing, so that reserve, when it comes, is ignored.
   */
  | { readonly type: 'ReleasedBeforeReserved' }
  /** The bins' reserved quantities go down by `allocations`. */
  | { readonly type: 'Released'; readonly quantity: number; readonly allocations: readonly BinQuantity[] }
  /** onHand and reserved both go down by `allocations`, once. */
  | { readonly type: 'Consumed'; readonly allocations: readonly BinQuantity[] };

export type ReservationDecision =
  { readonly kind: 'accepted'; readonly events: readonly ReservationEvent[] } | { readonly kind: 'ignored'; readonly reason: string };

const S = ReservationStatus;

const ignored = (reason: string): ReservationDecision => ({ kind: 'ignored', reason });

export function decide(state: ReservationState, command: ReservationCommand): ReservationDecision {
  switch (command.type) {
    case 'reserve': {
      if (state.status !== null) return ignored(`already decided: ${state.status}`);
      const allocation = allocateAcrossBins(command.bins, command.quantity, command.today);
      const event: ReservationEvent =
        allocation.kind === 'allocated'
          ? { type: 'Reserved', quantity: command.quantity, allocations: allocation.allocations }
          : { type: 'Rejected', quantity: command.quantity, available: allocation.available };
      return { kind: 'accepted', events: [event] };
    }
    case 'release':
      if (state.status === null) return { kind: 'accepted', events: [{ type: 'ReleasedBeforeReserved' }] };
      if (state.status !== S.Reserved) return ignored(`holds nothing to release: ${state.status ?? 'unknown'}`);
      return { kind: 'accepted', events: [{ type: 'Released', quantity: state.quantity, allocations: state.allocations }] };
    case 'consume':
      if (state.status !== S.Reserved) return ignored(`holds nothing to consume: ${state.status ?? 'unknown'}`);
      return { kind: 'accepted', events: [{ type: 'Consumed', allocations: state.allocations }] };
    default: {
      const unknownCommand: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknownCommand)}`);
    }
  }
}

/** Applies what happened; an event that does not fit the state is a bug, not a refusal. */
export function evolve(state: ReservationState, event: ReservationEvent): ReservationState {
  const guard = (ok: boolean): void => {
    if (!ok) throw new Error(`cannot apply ${event.type} to a reservation that is ${state.status ?? 'unknown'}`);
  };
  switch (event.type) {
    case 'Reserved':
      guard(state.status === null);
      return { status: S.Reserved, quantity: event.quantity, allocations: event.allocations };
    case 'Rejected':
      guard(state.status === null);
      return { status: S.Rejected, quantity: event.quantity, allocations: [] };
    case 'ReleasedBeforeReserved':
      guard(state.status === null);
      return { status: S.Released, quantity: 0, allocations: [] };
    case 'Released':
      guard(state.status === S.Reserved);
      return { ...state, status: S.Released };
    case 'Consumed':
      guard(state.status === S.Reserved);
      return { ...state, status: S.Consumed };
    default: {
      const unknownEvent: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknownEvent)}`);
    }
  }
}

/** One line of an order to reserve: its reservation as it stands, and the bins of its SKU by `key`. */
export interface OrderLine {
  readonly state: ReservationState;
  readonly quantity: number;
  /** Which SKU's bins (in `bins`) it takes from: lines of one SKU share them. */
  readonly key: string;
}

export type OrderDecision =
  | {
      readonly kind: 'accepted';
      /** One per line, in order: every one Reserved, or every one Rejected. */
      readonly events: readonly ReservationEvent[];
      /** The bins of each SKU the order took from, after it took (none when rejected). */
      readonly bins: ReadonlyMap<string, readonly BinStock[]>;
    }
  | { readonly kind: 'ignored'; readonly reason: string };

/**
 * A work order's lines reserved all or nothing: each line in order takes from its SKU's bins as
 * the lines before it left them (FEFO, through `decide`), and if any line is short no line holds
 * anything, the takes of the others undone, and every line says what was available at its turn.
 * An order is decided once: if any of its lines was seen before (a re-sent command, or a release
 * that got here first), it decides nothing new and is answered with what stands.
 */
export function decideOrder(lines: readonly OrderLine[], bins: ReadonlyMap<string, readonly BinStock[]>, today: string): OrderDecision {
  const seen = lines.find((line) => line.state.status !== null);
  if (seen) return { kind: 'ignored', reason: `already decided: ${seen.state.status}` };
  const taken = new Map<string, readonly BinStock[]>();
  const tried = lines.map((line) => {
    const before = taken.get(line.key) ?? bins.get(line.key) ?? [];
    const decision = decide(noReservation, { type: 'reserve', quantity: line.quantity, bins: before, today });
    if (decision.kind === 'ignored') throw new Error(`a new reservation cannot be ignored: ${decision.reason}`);
    const event = decision.events[0]!;
    if (event.type === 'Reserved') taken.set(line.key, withReserved(before, event.allocations));
    return { event, available: availableOf(before, today) };
  });
  if (tried.every(({ event }) => event.type === 'Reserved')) return { kind: 'accepted', events: tried.map(({ event }) => event), bins: taken };
  const rejected = tried.map(({ available }, index): ReservationEvent => ({ type: 'Rejected', quantity: lines[index]!.quantity, available }));
  return { kind: 'accepted', events: rejected, bins: new Map() };
}
