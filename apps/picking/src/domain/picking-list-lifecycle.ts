import { PickingListStatus, pickingListActions, type PickingListAction } from '@wo/contracts/rest';

// The statuses and actions are part of the REST contract, their one definition.
export { PickingListStatus, type PickingListAction };

/**
 * A picking list's lifecycle as pure functions: `decide` says whether a command is allowed and
 * what happens; `evolve` applies what happened. The service persists the result and never sets
 * a status itself. `status: null` is a list not made yet.
 */
export interface PickingListState {
  readonly status: PickingListStatus | null;
}

export const noList: PickingListState = { status: null };

export type PickingListCommand =
  | { readonly type: 'create'; readonly warehouseId: string; readonly workOrderIds: readonly string[]; readonly stops: readonly PickStop[] }
  | { readonly type: 'start'; readonly picker: string }
  | { readonly type: 'complete' }
  | { readonly type: 'cancel'; readonly reason: string };

export type PickingListEvent =
  /** Made for these work orders, its lines the stops in walking order. */
  | { readonly type: 'Created'; readonly warehouseId: string; readonly workOrderIds: readonly string[]; readonly stops: readonly PickStop[] }
  | { readonly type: 'Started'; readonly picker: string }
  | { readonly type: 'Completed' }
  | { readonly type: 'Canceled'; readonly reason: string };

export interface PickingListRefused {
  readonly kind: 'refused';
  /** The list's status; null when a create finds no list, which cannot happen for the others. */
  readonly status: PickingListStatus | null;
  readonly allowedActions: PickingListAction[];
  readonly detail: string;
}

export type PickingListDecision = { readonly kind: 'accepted'; readonly events: readonly PickingListEvent[] } | PickingListRefused;

const S = PickingListStatus;

/** The guard of each command: the statuses it is allowed in. */
function allows(status: PickingListStatus | null, command: PickingListCommand['type']): boolean {
  switch (command) {
    case 'create':
      return status === null;
    case 'start':
      return status === S.Created;
    case 'complete':
      return status === S.InProgress;
    case 'cancel':
      return status === S.Created || status === S.InProgress;
    default: {
      const unknownCommand: never = command;
      throw new Error(`unknown command ${String(unknownCommand)}`);
    }
  }
}

function eventOf(command: PickingListCommand): PickingListEvent {
  switch (command.type) {
    case 'create':
      return { type: 'Created', warehouseId: command.warehouseId, workOrderIds: command.workOrderIds, stops: walkingOrder(command.stops) };
    case 'start':
      return { type: 'Started', picker: command.picker };
    case 'complete':
      return { type: 'Completed' };
    case 'cancel':
      return { type: 'Canceled', reason: command.reason };
    default: {
      const unknownCommand: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknownCommand)}`);
    }
  }
}

/** The operator actions the list's status allows. */
export function allowedActions(state: PickingListState): PickingListAction[] {
  return pickingListActions.filter((action) => allows(state.status, action));
}

export function decide(state: PickingListState, command: PickingListCommand): PickingListDecision {
  if (allows(state.status, command.type)) return { kind: 'accepted', events: [eventOf(command)] };
  const detail =
    command.type === 'complete' && state.status === S.Created
      ? 'a picker must start the list before it can be done'
      : `${command.type} is not allowed while the list is ${state.status ?? 'not made'}`;
  return { kind: 'refused', status: state.status, allowedActions: allowedActions(state), detail };
}

/** Applies what happened; an event that does not fit the state is a bug, not a refusal. */
export function evolve(state: PickingListState, event: PickingListEvent): PickingListState {
  const guard = (ok: boolean): void => {
    if (!ok) throw new Error(`cannot apply ${event.type} to a picking list that is ${state.status ?? 'not made'}`);
  };
  switch (event.type) {
    case 'Created':
      guard(state.status === null);
      return { status: S.Created };
    case 'Started':
      guard(state.status === S.Created);
      return { status: S.InProgress };
    case 'Completed':
      guard(state.status === S.InProgress);
      return { status: S.Done };
    case 'Canceled':
      guard(state.status === S.Created || state.status === S.InProgress);
      return { status: S.Canceled };
    default: {
      const unknownEvent: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknownEvent)}`);
    }
  }
}

/** A bin visit: one work order's material at one location, of one lot when the material has lots. */
export interface PickStop {
  readonly locationCode: string;
  readonly sku: string;
  /** The lot inventory reserved there (null for a material without lots), and its expiry. */
  readonly lot: string | null;
  readonly expiresOn: string | null;
  readonly quantity: number;
  readonly workOrderId: string;
  readonly lineId: string;
}

/**
 * Orders the stops so a picker walks the warehouse once: by location code (bins are coded in
 * walking order), then SKU, then lot (stock without lots first), then work order, so one bin's
 * picks of one lot for several orders are together.
 */
export function walkingOrder(stops: readonly PickStop[]): PickStop[] {
  return [...stops].sort(
    (a, b) =>
      a.locationCode.localeCompare(b.locationCode) ||
      a.sku.localeCompare(b.sku) ||
      (a.lot ?? '').localeCompare(b.lot ?? '') ||
      a.workOrderId.localeCompare(b.workOrderId) ||
      a.lineId.localeCompare(b.lineId),
  );
}
