import type { ConsoleAction, WorkOrderAction, WorkOrderDetail, WorkOrderStatus } from '@wo/contracts/rest';

/** The guide's button names (section 2.3), in the detail page's order. */
export const workOrderActionLabels: Record<WorkOrderAction, string> = {
  edit: 'Edit',
  confirm: 'Confirm',
  retryAllocation: 'Retry Allocation',
  createPickingList: 'Create Picking List',
  complete: 'Complete',
  cancel: 'Cancel Work Order',
};

/** The permission each button needs (the API's own policy): a picker sees no Confirm. */
export const workOrderActionPermission: Record<WorkOrderAction, ConsoleAction> = {
  edit: 'work-orders.edit',
  confirm: 'work-orders.confirm',
  retryAllocation: 'work-orders.retryAllocation',
  createPickingList: 'work-orders.createPickingList',
  complete: 'work-orders.complete',
  cancel: 'work-orders.cancel',
};

/**
 * The guide's "When Shown" column. Cancel Work Order also shows, disabled, while Processing: the
 * FAQ says the picking list must be handled first, and the operator should read why.
 */
const shownIn: Record<WorkOrderAction, readonly WorkOrderStatus[]> = {
  edit: ['DRAFT', 'OUT_OF_STOCK'],
  confirm: ['DRAFT'],
  retryAllocation: ['OUT_OF_STOCK'],
  createPickingList: ['ALLOCATED'],
  complete: ['PROCESSING'],
  cancel: ['DRAFT', 'OUT_OF_STOCK', 'ALLOCATED', 'PROCESSING'],
};

const buttonOrder: readonly WorkOrderAction[] = ['edit', 'confirm', 'retryAllocation', 'createPickingList', 'complete', 'cancel'];

/** Said when the API gives no reason of its own (blockedActions is newer than some gateways). */
const fallbackReasons: Partial<Record<WorkOrderAction, Partial<Record<WorkOrderStatus, string>>>> = {
  complete: { PROCESSING: 'every picking list of the order must be done before it can be completed.' },
  cancel: {
    PROCESSING: 'the order is being picked: the picking list must be handled first in Picking Lists (cancel it, or finish picking and complete the order).',
  },
};

export interface ActionButtonState {
  readonly action: WorkOrderAction;
  readonly label: string;
  readonly enabled: boolean;
  /** Why a shown button cannot be used now; null when enabled or while a step is in flight. */
  readonly reason: string | null;
}

export type ActionInputs = Pick<WorkOrderDetail, 'status' | 'pendingAction' | 'allowedActions'> & { blockedActions?: WorkOrderDetail['blockedActions'] };

/**
 * Which buttons the detail page shows for the order and whether each can be pressed. `busy` is
 * true while a step is in flight (pendingAction, or an accepted action not yet visible).
 */
export function workOrderActionButtons(order: ActionInputs, busy = false): ActionButtonState[] {
  const inFlight = busy || order.pendingAction !== null;
  return buttonOrder
    .filter((action) => shownIn[action].includes(order.status))
    .map((action) => {
      const enabled = !inFlight && order.allowedActions.includes(action);
      const reason =
        enabled || inFlight
          ? null
          : (order.blockedActions?.find((blocked) => blocked.action === action)?.reason ??
            fallbackReasons[action]?.[order.status] ??
            'it is not possible in this status right now.');
      return { action, label: workOrderActionLabels[action], enabled, reason };
    });
}

/**
 * How often the detail page re-reads the order, in ms (false: not at all). Polling, not a push
 * channel: the API offers none, and the states that change by themselves are few and short
 * (a saga step settling, picking finishing elsewhere, finished goods being put away).
 */
export function detailRefetchInterval(order: WorkOrderDetail | undefined, awaitingChange: boolean): number | false {
  if (!order) return false;
  // A saga step in flight settles in about a second.
  if (order.pendingAction !== null || awaitingChange) return 1_000;
  // Picking happens on another screen (or a handheld): poll so Complete appears when it is done.
  if (order.status === 'PROCESSING' && !order.allowedActions.includes('complete')) return 3_000;
  // Receiving and putaway of the finished goods happen in Inbound Orders.
  if (order.status === 'COMPLETED' && order.inboundOrder?.status !== 'PUT_AWAY') return 5_000;
  return false;
}

/** How a step in flight reads on the page. */
export const pendingStepText: Record<NonNullable<WorkOrderDetail['pendingAction']>, string> = {
  allocating: 'Allocating… reserving the materials. The page updates by itself when it settles.',
  releasing: 'Releasing… giving the reserved materials back to inventory. The page updates by itself when it settles.',
  completing: 'Completing… deducting the materials and creating the finished-goods inbound order. The page updates by itself when it settles.',
};
