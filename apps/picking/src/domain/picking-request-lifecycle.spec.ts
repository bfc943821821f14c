import { decidePickingRequest, PickingRequestStatus, statusesMovedBy } from './picking-request-lifecycle';

const S = PickingRequestStatus;

describe('a picking request', () => {
  it('opens for an Allocated order’s line, and opens again with fresh bins while it waits', () => {
    expect(decidePickingRequest(null, 'open')).toEqual({ kind: 'accepted', status: S.Open });
    expect(decidePickingRequest(S.Open, 'open')).toEqual({ kind: 'accepted', status: S.Open });
  });

  it('is never taken off a list by a late or replayed Allocated', () => {
    expect(decidePickingRequest(S.Listed, 'open')).toEqual({ kind: 'ignored', reason: 'on a list already' });
  });

  it('goes on one list only, and back only when that list is canceled', () => {
    expect(decidePickingRequest(S.Open, 'list')).toEqual({ kind: 'accepted', status: S.Listed });
    expect(decidePickingRequest(S.Listed, 'list')).toEqual({ kind: 'ignored', reason: 'on a list already' });
    expect(decidePickingRequest(null, 'list')).toEqual({ kind: 'ignored', reason: 'nothing waits to be picked' });
    expect(decidePickingRequest(S.Listed, 'unlist')).toEqual({ kind: 'accepted', status: S.Open });
    expect(decidePickingRequest(S.Open, 'unlist')).toEqual({ kind: 'ignored', reason: 'not on a list' });
  });

  it('goes away when its order is canceled or completed, listed or not', () => {
    expect(decidePickingRequest(S.Open, 'withdraw')).toEqual({ kind: 'accepted', status: null });
    expect(decidePickingRequest(S.Listed, 'withdraw')).toEqual({ kind: 'accepted', status: null });
    expect(decidePickingRequest(null, 'withdraw')).toMatchObject({ kind: 'ignored' });
  });

  it('gives the set-based writes the guards the decisions imply', () => {
    expect(statusesMovedBy('open')).toEqual([S.Open]);
    expect(statusesMovedBy('list')).toEqual([S.Open]);
    expect(statusesMovedBy('unlist')).toEqual([S.Listed]);
    expect(statusesMovedBy('withdraw')).toEqual([S.Open, S.Listed]);
  });
});
