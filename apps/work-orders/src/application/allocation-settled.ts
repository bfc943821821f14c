import type { SqlTransaction } from '../persistence/work-orders-database';

/** An allocation saga that finished, as those who wait on it need to know. */
export interface SettledAllocation {
  readonly workOrderId: string;
  readonly outcome: 'allocated' | 'outOfStock';
}

/**
 * Told by the saga coordinator, in its transaction, once allocations settled (their outcome
 * applied). A token, not the class: the listener (the re-allocation queue) starts allocations
 * through the commands, which use the coordinator, so the coordinator cannot import it.
 */
export const ALLOCATION_SETTLED = Symbol('ALLOCATION_SETTLED');

export interface AllocationSettledListener {
  onAllocationSettled(tx: SqlTransaction, settled: readonly SettledAllocation[]): Promise<void>;
}
