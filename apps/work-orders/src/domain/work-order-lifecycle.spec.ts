import { allowedActions, blockedActions, decide, evolve, UnsupportedTransition } from './work-order-lifecycle';
import { WorkOrderStatus as S } from './work-order-status';

describe('work-order lifecycle', () => {
  it('confirms a Draft into allocating', () => {
    const state = { status: S.Draft, pendingAction: null };
    expect(decide(state, 'confirm')).toEqual({ kind: 'allocationStarted' });
    expect(evolve(state, { type: 'AllocationStarted' })).toEqual({ status: S.Draft, pendingAction: 'allocating' });
  });

  it('refuses everything while a saga step is in flight, saying why', () => {
    const refused = decide({ status: S.Draft, pendingAction: 'allocating' }, 'cancel');
    expect(refused).toMatchObject({ kind: 'refused', status: S.Draft, pendingAction: 'allocating', allowedActions: [] });
  });

  it('re-allocates an Out of Stock order when it is edited', () => {
    expect(decide({ status: S.OutOfStock, pendingAction: null }, 'edit')).toEqual({ kind: 'allocationStarted' });
  });

  it('cancels Draft and Out of Stock at once, and releases an Allocated order first', () => {
    expect(decide({ status: S.Draft, pendingAction: null }, 'cancel')).toEqual({ kind: 'canceled' });
    expect(decide({ status: S.OutOfStock, pendingAction: null }, 'cancel')).toEqual({ kind: 'canceled' });
    expect(decide({ status: S.Allocated, pendingAction: null }, 'cancel')).toEqual({ kind: 'releaseStarted' });
  });

  it('refuses cancel during picking with the reason', () => {
    expect(decide({ status: S.Processing, pendingAction: null }, 'cancel')).toMatchObject({ kind: 'refused', detail: expect.stringContaining('picking list') });
  });

  it('lets nothing happen to Completed and Canceled orders', () => {
    expect(allowedActions({ status: S.Completed, pendingAction: null })).toEqual([]);
    expect(allowedActions({ status: S.Canceled, pendingAction: null })).toEqual([]);
  });

  it('lists what a Draft allows', () => {
    expect(allowedActions({ status: S.Draft, pendingAction: null })).toEqual(['edit', 'confirm', 'cancel']);
  });

  it('puts an Allocated order on a picking list, and back to Allocated if the list is canceled', () => {
    const allocated = { status: S.Allocated, pendingAction: null };
    expect(decide(allocated, 'createPickingList')).toEqual({ kind: 'pickingRequested' });
    const processing = evolve(allocated, { type: 'PickingStarted' });
    expect(processing).toEqual({ status: S.Processing, pendingAction: null });
    expect(evolve(processing, { type: 'PickingCanceled' })).toEqual(allocated);
  });

  it('completes a Processing order only when every picking list is done', () => {
    expect(decide({ status: S.Processing, pendingAction: null, picking: 'open' }, 'complete')).toMatchObject({
      kind: 'refused',
      detail: expect.stringContaining('picking list'),
    });
    expect(decide({ status: S.Processing, pendingAction: null, picking: 'done' }, 'complete')).toEqual({ kind: 'completionStarted' });
    const completing = evolve({ status: S.Processing, pendingAction: null }, { type: 'CompletionStarted' });
    expect(completing.pendingAction).toBe('completing');
    expect(decide(completing, 'complete')).toMatchObject({ kind: 'refused' });
    expect(evolve(completing, { type: 'Completed' })).toEqual({ status: S.Completed, pendingAction: null });
  });

  it('rejects a transition that does not fit the state', () => {
    expect(() => evolve({ status: S.Draft, pendingAction: null }, { type: 'AllocationSucceeded' })).toThrow(UnsupportedTransition);
  });
});

describe('blocked actions', () => {
  const actionsOf = (blocked: { action: string }[]) => blocked.map((entry) => entry.action);

  it('blocks nothing that the status allows', () => {
    expect(blockedActions({ status: S.Draft, pendingAction: null })).toEqual([]);
    expect(blockedActions({ status: S.OutOfStock, pendingAction: null })).toEqual([]);
    expect(blockedActions({ status: S.Allocated, pendingAction: null })).toEqual([]);
  });

  it('says picking is not done while a Processing order has lists not done, and why it cannot be canceled', () => {
    expect(blockedActions({ status: S.Processing, pendingAction: null, picking: 'open' })).toEqual([
      { action: 'complete', reason: 'Picking is not done yet: every picking list must be done before the order can be completed.' },
      { action: 'cancel', reason: 'A picking list is in progress: cancel it in Picking Lists first.' },
    ]);
  });

  it('leaves Complete unblocked once picking is done, Cancel still blocked', () => {
    expect(actionsOf(blockedActions({ status: S.Processing, pendingAction: null, picking: 'done' }))).toEqual(['cancel']);
  });

  it('blocks every shown action while a saga step is in flight, naming it', () => {
    expect(blockedActions({ status: S.Draft, pendingAction: 'allocating' })).toEqual(
      ['edit', 'confirm', 'cancel'].map((action) => ({ action, reason: 'Allocation is in progress: wait until it settles.' })),
    );
    expect(actionsOf(blockedActions({ status: S.Allocated, pendingAction: 'releasing' }))).toEqual(['createPickingList', 'cancel']);
    expect(blockedActions({ status: S.Processing, pendingAction: 'completing', picking: 'done' })[0]).toEqual({
      action: 'complete',
      reason: expect.stringMatching(/^Completion is in progress/),
    });
  });

  it('shows no buttons, so blocks none, for Completed and Canceled orders', () => {
    expect(blockedActions({ status: S.Completed, pendingAction: null })).toEqual([]);
    expect(blockedActions({ status: S.Canceled, pendingAction: null })).toEqual([]);
  });

  it('never lists an action both allowed and blocked', () => {
    for (const status of Object.values(S)) {
      for (const pendingAction of [null, 'allocating', 'releasing', 'completing'] as const) {
        for (const picking of ['none', 'open', 'done'] as const) {
          const state = { status, pendingAction, picking };
          const allowed = allowedActions(state);
          expect(actionsOf(blockedActions(state)).filter((action) => allowed.includes(action as never))).toEqual([]);
        }
      }
    }
  });
});
