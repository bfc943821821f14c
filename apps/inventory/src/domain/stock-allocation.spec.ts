import { decideAdjustment } from './stock-adjustment';
import { allocateAcrossBins } from './stock-allocation';

describe('allocation across bins', () => {
  const bins = [
    { locationCode: 'A-01', onHand: 4, reserved: 1 },
    { locationCode: 'A-02', onHand: 10, reserved: 0 },
  ];

  it('takes from bins in walking order, each up to what it has available', () => {
    expect(allocateAcrossBins(bins, 5)).toEqual({
      kind: 'allocated',
      allocations: [
        { locationCode: 'A-01', quantity: 3 },
        { locationCode: 'A-02', quantity: 2 },
      ],
    });
  });

  it('takes nothing when the bins together are short, and says what was available', () => {
    expect(allocateAcrossBins(bins, 14)).toEqual({ kind: 'short', available: 13 });
  });

  it('allocates exactly what is available', () => {
    expect(allocateAcrossBins(bins, 13)).toMatchObject({ kind: 'allocated' });
  });
});

describe('adjustment', () => {
  it('restocks', () => {
    expect(decideAdjustment({ locationCode: 'A', onHand: 1, reserved: 1 }, 5)).toEqual({ kind: 'accepted', onHand: 6 });
  });

  it('never takes onHand below what is reserved', () => {
    expect(decideAdjustment({ locationCode: 'A', onHand: 5, reserved: 3 }, -3)).toMatchObject({ kind: 'refused' });
    expect(decideAdjustment({ locationCode: 'A', onHand: 5, reserved: 3 }, -2)).toEqual({ kind: 'accepted', onHand: 3 });
  });

  it('never below zero', () => {
    expect(decideAdjustment({ locationCode: 'A', onHand: 1, reserved: 0 }, -2)).toMatchObject({ kind: 'refused' });
  });

  it('refuses a restock that takes a bin past the int4 column as out of range', () => {
    expect(decideAdjustment({ locationCode: 'A', onHand: 2_000_000_000, reserved: 0 }, 147_483_647)).toEqual({ kind: 'accepted', onHand: 2_147_483_647 });
    expect(decideAdjustment({ locationCode: 'A', onHand: 2_000_000_000, reserved: 0 }, 147_483_648)).toMatchObject({ kind: 'out-of-range' });
  });
});
