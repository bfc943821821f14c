/**
 * Work-orders' own record of what an order holds in inventory (`work_order_reservation`, one row
 * per material line): held when its allocation succeeds, released when it is canceled, consumed
 * when it completes. Inventory's reservation is the authority on the stock; this record is what the
 * order's detail, its cancel and its completion read. It moves forward from HELD once, and never
 * back: a second end, or an end of a record never held, is ignored.
 */
export const HeldReservationStatus = { Held: 'HELD', Released: 'RELEASED', Consumed: 'CONSUMED' } as const;
export type HeldReservationStatus = (typeof HeldReservationStatus)[keyof typeof HeldReservationStatus];

export type HeldReservationStep = 'hold' | 'release' | 'consume';

export type HeldReservationDecision =
  { readonly kind: 'accepted'; readonly status: HeldReservationStatus } | { readonly kind: 'ignored'; readonly reason: string };

const S = HeldReservationStatus;

const stepTarget = { hold: S.Held, release: S.Released, consume: S.Consumed } as const satisfies Record<HeldReservationStep, HeldReservationStatus>;

/** `current: null` is a line with no record yet. */
export function decideHeldReservation(current: HeldReservationStatus | null, step: HeldReservationStep): HeldReservationDecision {
  switch (current) {
    case null:
      return step === 'hold' ? { kind: 'accepted', status: S.Held } : { kind: 'ignored', reason: 'nothing is held' };
    case S.Held:
      return step === 'hold' ? { kind: 'ignored', reason: 'already held' } : { kind: 'accepted', status: stepTarget[step] };
    case S.Released:
    case S.Consumed:
      return { kind: 'ignored', reason: `already ${current.toLowerCase()}` };
    default: {
      const unknown: never = current;
      throw new Error(`unknown reservation status ${String(unknown)}`);
    }
  }
}

/** The end a status names: what a saga's `reservations: { end }` asks for. */
export function stepEndingIn(status: typeof S.Released | typeof S.Consumed): HeldReservationStep {
  return status === S.Released ? 'release' : 'consume';
}

/**
 * The statuses a step moves a record from, read off `decideHeldReservation`. The writes are
 * set-based (every order of a run in one statement), so they apply this as the statement's guard:
 * Postgres evaluates it on each row as it stands after the row lock, which a read-then-decide in
 * the application could only match with a second lock.
 */
export function statusesMovedBy(step: HeldReservationStep): HeldReservationStatus[] {
  return Object.values(S).filter((status) => decideHeldReservation(status, step).kind === 'accepted');
}
