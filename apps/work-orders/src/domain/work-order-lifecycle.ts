import type { OutgoingMessage } from '@wo/contracts/envelope';
import type { LocationAllocation } from '@wo/contracts/inventory';
import { workOrderActions, type BlockedAction, type WorkOrderAction } from '@wo/contracts/rest';
import { PendingAction, WorkOrderStatus } from './work-order-status';

/**
 * The work order's lifecycle as pure functions: `decide` says whether an operator action is
 * allowed and what it starts; `evolve` applies what happened. Handlers never set a status
 * themselves: they call these and persist the result.
 */
export interface LifecycleState {
  readonly status: WorkOrderStatus;
  readonly pendingAction: PendingAction | null;
  /** Picking lists covering the order: none yet, some not done, or every one done. */
  readonly picking?: 'none' | 'open' | 'done';
}

/** The operator actions are named by the REST contract (`allowedActions`, `blockedActions`). */
export type OperatorAction = WorkOrderAction;

/** What an accepted action sets in motion. */
export type ActionOutcome =
  | { readonly kind: 'edited' }
  | { readonly kind: 'allocationStarted' }
  | { readonly kind: 'releaseStarted' }
  | { readonly kind: 'canceled' }
  | { readonly kind: 'pickingRequested' }
  | { readonly kind: 'completionStarted' };

export interface ActionRefused {
  readonly kind: 'refused';
  readonly action: OperatorAction;
  readonly status: WorkOrderStatus;
  readonly pendingAction: PendingAction | null;
  readonly allowedActions: OperatorAction[];
  readonly detail: string;
}

/** Facts that move the lifecycle. */
export type LifecycleEvent =
  | { readonly type: 'AllocationStarted' }
  | { readonly type: 'AllocationSucceeded' }
  | { readonly type: 'AllocationFailed' }
  | { readonly type: 'ReleaseStarted' }
  | { readonly type: 'Released' }
  | { readonly type: 'Canceled' }
  | { readonly type: 'PickingStarted' }
  | { readonly type: 'PickingCanceled' }
  | { readonly type: 'CompletionStarted' }
  | { readonly type: 'Completed' };

/** What a saga knows of the (locked) work order it changes. */
export interface SagaOrder {
  readonly id: string;
  readonly number: string;
  readonly merchantId: string;
  readonly warehouseId: string;
  /** The stored rank (1 Low .. 4 Urgent): the order's events carry it. */
  readonly priority: number;
  readonly status: string;
  readonly inboundStatus: string | null;
}

/** A reservation an allocated order holds until it is released or consumed. */
export interface HeldReservation {
  readonly reservationId: string;
  readonly lineId: string;
  readonly sku: string;
  readonly quantity: number;
  readonly allocations: readonly LocationAllocation[];
}

/**
 * One change of a work order, as a value: the lifecycle event that moves its status (through the
 * guarded `evolve`), its history line, the public events it publishes, what else it sets, and
 * what becomes of its held reservations. Sagas declare these; `WorkOrderTransitions` writes them.
 */
export interface WorkOrderChange {
  readonly event: LifecycleEvent;
  readonly history: { readonly event: string; readonly detail: Record<string, unknown> };
  readonly messages: readonly OutgoingMessage[];
  /** Set when present (an allocation outcome sets them, empty when allocated); kept otherwise. */
  readonly shortages?: unknown;
  readonly inboundOrderId?: string;
  readonly inboundStatus?: string;
  readonly reservations?: { readonly hold: readonly HeldReservation[] } | { readonly end: 'RELEASED' | 'CONSUMED' };
}

const S = WorkOrderStatus;

function outcomeOf(state: LifecycleState, action: OperatorAction): ActionOutcome | null {
  if (state.pendingAction !== null) return null;
  switch (action) {
    case 'edit':
      if (state.status === S.Draft) return { kind: 'edited' };
      // Editing an Out of Stock order is a new attempt: it re-allocates by itself.
      if (state.status === S.OutOfStock) return { kind: 'allocationStarted' };
      return null;
    case 'confirm':
      return state.status === S.Draft ? { kind: 'allocationStarted' } : null;
    case 'retryAllocation':
      return state.status === S.OutOfStock ? { kind: 'allocationStarted' } : null;
    case 'cancel':
      if (state.status === S.Draft || state.status === S.OutOfStock) return { kind: 'canceled' };
      if (state.status === S.Allocated) return { kind: 'releaseStarted' };
      return null;
    case 'createPickingList':
      return state.status === S.Allocated ? { kind: 'pickingRequested' } : null;
    case 'complete':
      return state.status === S.Processing && state.picking === 'done' ? { kind: 'completionStarted' } : null;
    default: {
      const unknownAction: never = action;
      throw new Error(`unknown action ${String(unknownAction)}`);
    }
  }
}

export function allowedActions(state: LifecycleState): OperatorAction[] {
  return workOrderActions.filter((action) => outcomeOf(state, action) !== null);
}

/** The guide's table: in which statuses the detail page shows each action's button. */
const shownIn: Record<OperatorAction, readonly WorkOrderStatus[]> = {
  edit: [S.Draft, S.OutOfStock],
  confirm: [S.Draft],
  retryAllocation: [S.OutOfStock],
  createPickingList: [S.Allocated],
  complete: [S.Processing],
  cancel: [S.Draft, S.OutOfStock, S.Allocated, S.Processing],
};

const inProgress: Record<PendingAction, string> = {
  allocating: 'Allocation is in progress: wait until it settles.',
  releasing: 'The order is being canceled: its reserved materials are being released.',
  completing: 'Completion is in progress: the materials are being deducted.',
};

/**
 * The actions the guide shows in the order's status that cannot be done now, each with a reason
 * an operator understands (the console shows it beside the disabled button).
 */
export function blockedActions(state: LifecycleState): BlockedAction[] {
  return workOrderActions
    .filter((action) => shownIn[action].includes(state.status) && outcomeOf(state, action) === null)
    .map((action) => ({ action, reason: blockedReason(state, action) }));
}

function blockedReason(state: LifecycleState, action: OperatorAction): string {
  if (state.pendingAction !== null) return inProgress[state.pendingAction];
  if (action === 'cancel' && state.status === S.Processing) return 'A picking list is in progress: cancel it in Picking Lists first.';
  if (action === 'complete' && state.status === S.Processing) {
    return state.picking === 'none'
      ? 'No picking list covers the order: create one and finish picking first.'
      : 'Picking is not done yet: every picking list must be done before the order can be completed.';
  }
  return `Not possible while the order is ${state.status}.`;
}

function refusalDetail(state: LifecycleState, action: OperatorAction): string {
  if (state.pendingAction !== null) return `the order is ${state.pendingAction}; wait until it settles`;
  if (action === 'cancel' && state.status === S.Processing) {
    return 'the order is being picked: the picking list must be handled first (cancel it, or finish picking and complete the order)';
  }
  if (action === 'complete' && state.status === S.Processing) return 'every picking list of the order must be done before it can be completed';
  return `${action} is not allowed while the order is ${state.status}`;
}

export function decide(state: LifecycleState, action: OperatorAction): ActionOutcome | ActionRefused {
  const outcome = outcomeOf(state, action);
  if (outcome) return outcome;
  return {
    kind: 'refused',
    action,
    status: state.status,
    pendingAction: state.pendingAction,
    allowedActions: allowedActions(state),
    detail: refusalDetail(state, action),
  };
}

/** A transition that does not fit the current state: a bug or a message from another era. */
export class UnsupportedTransition extends Error {
  constructor(state: LifecycleState, event: LifecycleEvent) {
    super(`cannot apply ${event.type} to a ${state.status} order (pending: ${state.pendingAction ?? 'none'})`);
  }
}

export function evolve(state: LifecycleState, event: LifecycleEvent): LifecycleState {
  const guard = (ok: boolean): void => {
    if (!ok) throw new UnsupportedTransition(state, event);
  };
  switch (event.type) {
    case 'AllocationStarted':
      guard(state.pendingAction === null && (state.status === S.Draft || state.status === S.OutOfStock));
      return { status: state.status, pendingAction: PendingAction.Allocating };
    case 'AllocationSucceeded':
      guard(state.pendingAction === PendingAction.Allocating);
      return { status: S.Allocated, pendingAction: null };
    case 'AllocationFailed':
      guard(state.pendingAction === PendingAction.Allocating);
      return { status: S.OutOfStock, pendingAction: null };
    case 'ReleaseStarted':
      guard(state.pendingAction === null && state.status === S.Allocated);
      return { status: state.status, pendingAction: PendingAction.Releasing };
    case 'Released':
      guard(state.pendingAction === PendingAction.Releasing);
      return { status: S.Canceled, pendingAction: null };
    case 'Canceled':
      guard(state.pendingAction === null && (state.status === S.Draft || state.status === S.OutOfStock));
      return { status: S.Canceled, pendingAction: null };
    case 'PickingStarted':
      guard(state.pendingAction === null && state.status === S.Allocated);
      return { status: S.Processing, pendingAction: null };
    case 'PickingCanceled':
      guard(state.pendingAction === null && state.status === S.Processing);
      return { status: S.Allocated, pendingAction: null };
    case 'CompletionStarted':
      guard(state.pendingAction === null && state.status === S.Processing);
      return { status: S.Processing, pendingAction: PendingAction.Completing };
    case 'Completed':
      guard(state.pendingAction === PendingAction.Completing);
      return { status: S.Completed, pendingAction: null };
    default: {
      const unknownEvent: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknownEvent)}`);
    }
  }
}
