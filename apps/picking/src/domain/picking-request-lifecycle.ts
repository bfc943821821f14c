/**
 * A picking request: one material line of an Allocated work order, waiting in its warehouse to be
 * picked. It opens when picking learns the order is Allocated (again, with fresh bins, after a
 * re-allocation), is taken onto one list, opens again if that list is canceled, and goes away when
 * the order is canceled or completed. It never moves off a list except by that list's cancel, so
 * a late or replayed Allocated cannot take a line off a list being picked.
 */
export const PickingRequestStatus = { Open: 'OPEN', Listed: 'LISTED' } as const;
export type PickingRequestStatus = (typeof PickingRequestStatus)[keyof typeof PickingRequestStatus];

export type PickingRequestStep = 'open' | 'list' | 'unlist' | 'withdraw';

export type PickingRequestDecision =
  /** `status: null`: the request goes away. */
  { readonly kind: 'accepted'; readonly status: PickingRequestStatus | null } | { readonly kind: 'ignored'; readonly reason: string };

const S = PickingRequestStatus;

const accepted = (status: PickingRequestStatus | null): PickingRequestDecision => ({ kind: 'accepted', status });
const ignored = (reason: string): PickingRequestDecision => ({ kind: 'ignored', reason });

/** `current: null` is a line picking has no request for. */
export function decidePickingRequest(current: PickingRequestStatus | null, step: PickingRequestStep): PickingRequestDecision {
  switch (step) {
    case 'open':
      return current === S.Listed ? ignored('on a list already') : accepted(S.Open);
    case 'list':
      return current === S.Open ? accepted(S.Listed) : ignored(current === null ? 'nothing waits to be picked' : 'on a list already');
    case 'unlist':
      return current === S.Listed ? accepted(S.Open) : ignored('not on a list');
    case 'withdraw':
      return current === null ? ignored('nothing waits to be picked') : accepted(null);
    default: {
      const unknown: never = step;
      throw new Error(`unknown picking request step ${String(unknown)}`);
    }
  }
}

/**
 * The statuses a step moves an existing request from, read off `decidePickingRequest`. Picking
 * writes requests set-based (every line of an order, or of a list, in one statement), so this is
 * the statement's guard: Postgres evaluates it on each row as it stands after waiting for the row
 * lock, so a list made at the same moment cannot have its lines reopened.
 */
export function statusesMovedBy(step: PickingRequestStep): PickingRequestStatus[] {
  return Object.values(S).filter((status) => decidePickingRequest(status, step).kind === 'accepted');
}
