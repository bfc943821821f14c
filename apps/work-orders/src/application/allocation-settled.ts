import type { SqlTransaction } from '../persistence/work-orders-database';

/** A saga that ended, as those who wait on it need to know: its type, its order, and its end (the outcome label). */
export interface EndedSaga {
  readonly type: string;
  readonly workOrderId: string;
  readonly outcome: string;
}

/**
 * Told by the saga runner, in its transaction, once sagas ended (their effect on the order
 * applied): the re-allocation queue hands the stock on when an allocation settles. A token, not
 * the class: the listener starts allocations through the commands, which use the runner, so the
 * runner cannot import it.
 */
export const SAGAS_ENDED = Symbol('SAGAS_ENDED');

export interface SagasEndedListener {
  onSagasEnded(tx: SqlTransaction, ended: readonly EndedSaga[]): Promise<void>;
}

/** An allocation saga that finished, as the re-allocation queue reads it. */
export interface SettledAllocation {
  readonly workOrderId: string;
  readonly outcome: 'allocated' | 'outOfStock';
}

/** The allocations among the ended sagas (their `metric` labels: allocated, out_of_stock). */
export function settledAllocations(ended: readonly EndedSaga[]): SettledAllocation[] {
  return ended
    .filter((saga) => saga.type === 'allocation')
    .map(({ workOrderId, outcome }) => ({ workOrderId, outcome: outcome === 'allocated' ? 'allocated' : 'outOfStock' }));
}
