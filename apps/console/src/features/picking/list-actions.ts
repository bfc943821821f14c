import type { PickingListAction, PickingListStatus } from '@wo/contracts/rest';

/**
 * What the detail page offers in each status, as the picking service decides it: a Created list can
 * be started or canceled, one In Progress marked done or canceled, a Done or Canceled one nothing.
 */
const actionsByStatus: Record<PickingListStatus, readonly PickingListAction[]> = {
  CREATED: ['start', 'cancel'],
  IN_PROGRESS: ['complete', 'cancel'],
  DONE: [],
  CANCELED: [],
};

export function allowedListActions(status: PickingListStatus): readonly PickingListAction[] {
  return actionsByStatus[status];
}
