import { PickingListStatus, pickingListActions, type PickingListAction } from '@wo/contracts/rest';

// The statuses and actions are part of the REST contract, their one definition.
export { PickingListStatus, type PickingListAction };

export type PickingListDecision =
  | { readonly kind: 'accepted'; readonly next: PickingListStatus }
  | { readonly kind: 'refused'; readonly status: PickingListStatus; readonly allowedActions: PickingListAction[]; readonly detail: string };

const S = PickingListStatus;

function nextStatus(status: PickingListStatus, action: PickingListAction): PickingListStatus | null {
  switch (action) {
    case 'start':
      return status === S.Created ? S.InProgress : null;
    case 'complete':
      return status === S.InProgress ? S.Done : null;
    case 'cancel':
      return status === S.Created || status === S.InProgress ? S.Canceled : null;
    default: {
      const unknownAction: never = action;
      throw new Error(`unknown action ${String(unknownAction)}`);
    }
  }
}

export function decidePickingList(status: PickingListStatus, action: PickingListAction): PickingListDecision {
  const next = nextStatus(status, action);
  if (next) return { kind: 'accepted', next };
  const allowedActions = pickingListActions.filter((candidate) => nextStatus(status, candidate) !== null);
  const detail =
    action === 'complete' && status === S.Created
      ? 'a picker must start the list before it can be done'
      : `${action} is not allowed while the list is ${status}`;
  return { kind: 'refused', status, allowedActions, detail };
}

/** A bin visit: one work order's material at one location. */
export interface PickStop {
  readonly locationCode: string;
  readonly sku: string;
  readonly quantity: number;
  readonly workOrderId: string;
  readonly lineId: string;
}

/**
 * Orders the stops so a picker walks the warehouse once: by location code (bins are coded in
 * walking order), then SKU, then work order, so one bin's picks for several orders are together.
 */
export function walkingOrder(stops: readonly PickStop[]): PickStop[] {
  return [...stops].sort(
    (a, b) =>
      a.locationCode.localeCompare(b.locationCode) ||
      a.sku.localeCompare(b.sku) ||
      a.workOrderId.localeCompare(b.workOrderId) ||
      a.lineId.localeCompare(b.lineId),
  );
}
