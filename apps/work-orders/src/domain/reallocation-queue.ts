/**
 * The automatic re-allocation queue of one SKU in a warehouse, for one merchant: the Out of Stock
 * orders with auto-retry that are short of the SKU, in their turn (priority, then Scheduled At,
 * then creation). When stock arrives the first in line is retried, alone; when its allocation
 * settles, the next, until one is still short of the SKU or no one waits. Pure: the service reads
 * the queue, asks `decideQueue`, and carries the decision out.
 *
 * The choice (docs/decisions/0005-reallocation-queue.md): when the first in line needs more of the
 * SKU than is available, the queue WAITS for more stock; smaller orders behind it do not jump
 * ahead. An order that is short of another SKU as well leaves this queue once its retry took this
 * SKU in full (its shortages then name only the other SKU), so it never blocks stock it can use.
 */

export interface WaitingOrder {
  readonly id: string;
  /** The stored rank: 4 Urgent .. 1 Low. */
  readonly priority: number;
  readonly scheduledAt: Date | null;
  readonly createdAt: Date;
  /** Its allocation is running now (an automatic or manual retry, or an edit): it keeps its turn. */
  readonly inFlight: boolean;
}

/** Whose turn comes first: the higher priority, then the earlier Scheduled At (none: last), then the older order. */
export function byTurn(a: WaitingOrder, b: WaitingOrder): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  const scheduled = (order: WaitingOrder) => order.scheduledAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (scheduled(a) !== scheduled(b)) return scheduled(a) < scheduled(b) ? -1 : 1;
  if (a.createdAt.getTime() !== b.createdAt.getTime()) return a.createdAt.getTime() - b.createdAt.getTime();
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function inTurn(orders: readonly WaitingOrder[]): WaitingOrder[] {
  return [...orders].sort(byTurn);
}

/** Where the queue stands between two messages. */
export interface QueueState {
  /** The order whose allocation settles before the stock goes further (null: idle). */
  readonly waitingFor: string | null;
  /** Stock arrived while waiting: the first in line is worth another try even if it just failed. */
  readonly stockArrived: boolean;
}

export type QueueEvent =
  /** `releasedFor`: the order whose reservation was given back, when a release caused it. */
  | { readonly kind: 'stockAvailable'; readonly releasedFor?: string }
  | { readonly kind: 'allocationSettled'; readonly workOrderId: string; readonly outcome: 'allocated' | 'outOfStock' };

export type QueueDecision =
  | { readonly kind: 'retry'; readonly workOrderId: string }
  | { readonly kind: 'wait'; readonly on: string; readonly stockArrived: boolean }
  | { readonly kind: 'idle'; readonly reason: string }
  | { readonly kind: 'ignored'; readonly reason: string };

/** What the queue does on an event, given who waits now (in any order). */
export function decideQueue(state: QueueState, event: QueueEvent, waiting: readonly WaitingOrder[]): QueueDecision {
  const first = inTurn(waiting)[0];
  switch (event.kind) {
    case 'stockAvailable': {
      if (state.waitingFor !== null) {
        // The stock an allocation gives back while it compensates is not new: it was free when that allocation reserved.
        const arrived = state.stockArrived || event.releasedFor !== state.waitingFor;
        return { kind: 'wait', on: state.waitingFor, stockArrived: arrived };
      }
      if (!first) return { kind: 'idle', reason: 'no order waits for this SKU' };
      if (first.inFlight) return { kind: 'wait', on: first.id, stockArrived: true };
      return { kind: 'retry', workOrderId: first.id };
    }
    case 'allocationSettled': {
      if (state.waitingFor !== event.workOrderId) return { kind: 'ignored', reason: `the queue does not wait on ${event.workOrderId}` };
      if (!first) return { kind: 'idle', reason: 'no order waits for this SKU any more' };
      if (first.inFlight) return { kind: 'wait', on: first.id, stockArrived: state.stockArrived };
      if (first.id === event.workOrderId && event.outcome === 'outOfStock' && !state.stockArrived) {
        return { kind: 'idle', reason: 'the first in line needs more than is available: it waits for more stock' };
      }
      return { kind: 'retry', workOrderId: first.id };
    }
    default: {
      const unknownEvent: never = event;
      throw new Error(`unknown queue event ${JSON.stringify(unknownEvent)}`);
    }
  }
}

/** The queue after a decision was carried out. */
export function queueAfter(state: QueueState, decision: QueueDecision): QueueState {
  switch (decision.kind) {
    case 'retry':
      return { waitingFor: decision.workOrderId, stockArrived: false };
    case 'wait':
      return { waitingFor: decision.on, stockArrived: decision.stockArrived };
    case 'idle':
      return { waitingFor: null, stockArrived: false };
    case 'ignored':
      return state;
    default: {
      const unknownDecision: never = decision;
      throw new Error(`unknown queue decision ${JSON.stringify(unknownDecision)}`);
    }
  }
}

/** Each order's place in the queue (1: the next to get the stock) and how many wait. */
export function placesInQueue(waiting: readonly WaitingOrder[]): Map<string, { place: number; waiting: number }> {
  const ordered = inTurn(waiting);
  return new Map(ordered.map((order, index) => [order.id, { place: index + 1, waiting: ordered.length }]));
}
