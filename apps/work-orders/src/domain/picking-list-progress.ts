import { PickingListStatus } from '@wo/contracts/rest';

/**
 * Work-orders' own record of each picking list that covers its orders (`work_order_picking_list`),
 * moved by the events picking publishes. Picking's lifecycle is the authority; this record only
 * follows it forward: a step that would take a list back (a Started read after its Completed, say,
 * when a dead letter is replayed late) or out of a final status is ignored rather than applied, so
 * completion never sees a done list as still open.
 */
export type PickingListStep = 'started' | 'completed' | 'canceled';

export type PickingListProgressDecision =
  { readonly kind: 'accepted'; readonly status: PickingListStatus } | { readonly kind: 'ignored'; readonly reason: string };

const stepTarget = {
  started: PickingListStatus.InProgress,
  completed: PickingListStatus.Done,
  canceled: PickingListStatus.Canceled,
} as const satisfies Record<PickingListStep, PickingListStatus>;

export function decidePickingListProgress(current: PickingListStatus, step: PickingListStep): PickingListProgressDecision {
  const target = stepTarget[step];
  switch (current) {
    case PickingListStatus.Created:
      return { kind: 'accepted', status: target };
    case PickingListStatus.InProgress:
      return step === 'started' ? { kind: 'ignored', reason: 'already in progress' } : { kind: 'accepted', status: target };
    case PickingListStatus.Done:
    case PickingListStatus.Canceled:
      return { kind: 'ignored', reason: `the list is ${current.toLowerCase()} already` };
    default: {
      const unknown: never = current;
      throw new Error(`unknown picking list status ${String(unknown)}`);
    }
  }
}
