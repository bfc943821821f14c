import { allowedActions, decide, evolve, UnsupportedTransition } from './work-order-lifecycle';
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
    expect(decide({ status: S.Processing, pendingAction: null, picking: 'open' }, 'complete')).toMatchObject({ kind: 'refused', detail: expect.stringContaining('picking list') });
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
