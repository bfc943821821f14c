import { PickingListStatus } from '@wo/contracts/rest';
import { decidePickingListProgress, type PickingListStep } from './picking-list-progress';

describe("work-orders' record of a picking list", () => {
  const steps: PickingListStep[] = ['started', 'completed', 'canceled'];

  it('follows a list forward: created, in progress, done or canceled', () => {
    expect(decidePickingListProgress(PickingListStatus.Created, 'started')).toEqual({ kind: 'accepted', status: PickingListStatus.InProgress });
    expect(decidePickingListProgress(PickingListStatus.InProgress, 'completed')).toEqual({ kind: 'accepted', status: PickingListStatus.Done });
    expect(decidePickingListProgress(PickingListStatus.InProgress, 'canceled')).toEqual({ kind: 'accepted', status: PickingListStatus.Canceled });
    // Picking may finish or cancel a list nobody started in the console.
    expect(decidePickingListProgress(PickingListStatus.Created, 'completed')).toEqual({ kind: 'accepted', status: PickingListStatus.Done });
    expect(decidePickingListProgress(PickingListStatus.Created, 'canceled')).toEqual({ kind: 'accepted', status: PickingListStatus.Canceled });
  });

  it('never takes a list back or out of a final status, whatever arrives late', () => {
    for (const final of [PickingListStatus.Done, PickingListStatus.Canceled]) {
      for (const step of steps) expect(decidePickingListProgress(final, step).kind).toBe('ignored');
    }
    expect(decidePickingListProgress(PickingListStatus.InProgress, 'started').kind).toBe('ignored');
  });
});
