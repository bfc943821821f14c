import fc from 'fast-check';
import { decideAdjustment } from './stock-adjustment';
import { allocateAcrossBins, availableOf, fefoOrder, isExpired, type BinStock } from './stock-allocation';

const today = '2026-12-01';
const received = (day: string) => new Date(`${day}T08:00:00.000Z`);
const lot = (code: string, expiresOn: string | null, receivedOn = '2026-11-01') => ({ code, expiresOn, receivedAt: received(receivedOn) });

describe('allocation across bins', () => {
  const bins = [
    { locationCode: 'A-01', onHand: 4, reserved: 1 },
    { locationCode: 'A-02', onHand: 10, reserved: 0 },
  ];

  it('takes from bins in walking order, each up to what it has available', () => {
    expect(allocateAcrossBins(bins, 5, today)).toEqual({
      kind: 'allocated',
      allocations: [
        { locationCode: 'A-01', quantity: 3 },
        { locationCode: 'A-02', quantity: 2 },
      ],
    });
  });

  it('takes nothing when the bins together are short, and says what was available', () => {
    expect(allocateAcrossBins(bins, 14, today)).toEqual({ kind: 'short', available: 13 });
  });

  it('allocates exactly what is available', () => {
    expect(allocateAcrossBins(bins, 13, today)).toMatchObject({ kind: 'allocated' });
  });
});

describe('allocation of lots (first expiry, first out)', () => {
  it('takes the earliest expiry first, whatever the location order', () => {
    const bins = [
      { locationCode: 'A-01', lot: lot('LATE', '2027-06-01'), onHand: 5, reserved: 0 },
      { locationCode: 'B-09', lot: lot('SOON', '2027-01-01'), onHand: 3, reserved: 0 },
    ];
    expect(allocateAcrossBins(bins, 4, today)).toEqual({
      kind: 'allocated',
      allocations: [
        { locationCode: 'B-09', quantity: 3, lot: 'SOON', expiresOn: '2027-01-01' },
        { locationCode: 'A-01', quantity: 1, lot: 'LATE', expiresOn: '2027-06-01' },
      ],
    });
  });

  it('takes a lot without expiry last', () => {
    const bins = [
      { locationCode: 'A-01', lot: lot('FOREVER', null, '2020-01-01'), onHand: 5, reserved: 0 },
      { locationCode: 'A-02', lot: lot('DATED', '2030-01-01'), onHand: 5, reserved: 0 },
    ];
    expect(allocateAcrossBins(bins, 6, today)).toEqual({
      kind: 'allocated',
      allocations: [
        { locationCode: 'A-02', quantity: 5, lot: 'DATED', expiresOn: '2030-01-01' },
        { locationCode: 'A-01', quantity: 1, lot: 'FOREVER' },
      ],
    });
  });

  it('between equal expiries takes the oldest receipt, then goes by location', () => {
    const bins = [
      { locationCode: 'A-01', lot: lot('NEW', '2027-01-01', '2026-11-20'), onHand: 2, reserved: 0 },
      { locationCode: 'C-01', lot: lot('OLD', '2027-01-01', '2026-10-01'), onHand: 2, reserved: 0 },
      { locationCode: 'B-01', lot: lot('OLD', '2027-01-01', '2026-10-01'), onHand: 2, reserved: 0 },
    ];
    const decision = allocateAcrossBins(bins, 6, today);
    expect(decision.kind === 'allocated' && decision.allocations.map((a) => `${a.lot}@${a.locationCode}`)).toEqual(['OLD@B-01', 'OLD@C-01', 'NEW@A-01']);
  });

  it('never allocates an expired lot, nor counts it as available', () => {
    const bins = [
      { locationCode: 'A-01', lot: lot('GONE', '2026-11-30'), onHand: 10, reserved: 0 },
      { locationCode: 'A-02', lot: lot('GOOD', '2027-01-01'), onHand: 2, reserved: 0 },
    ];
    expect(availableOf(bins, today)).toBe(2);
    expect(allocateAcrossBins(bins, 3, today)).toEqual({ kind: 'short', available: 2 });
    expect(allocateAcrossBins(bins, 2, today)).toEqual({
      kind: 'allocated',
      allocations: [{ locationCode: 'A-02', quantity: 2, lot: 'GOOD', expiresOn: '2027-01-01' }],
    });
  });

  it('uses a lot through its expiry day (UTC) and not the day after', () => {
    expect(isExpired({ expiresOn: today }, today)).toBe(false);
    expect(isExpired({ expiresOn: '2026-11-30' }, today)).toBe(true);
    expect(isExpired({ expiresOn: null }, today)).toBe(false);
    expect(isExpired(undefined, today)).toBe(false);
    const bins = [{ locationCode: 'A-01', lot: lot('LAST-DAY', today), onHand: 1, reserved: 0 }];
    expect(allocateAcrossBins(bins, 1, today)).toMatchObject({ kind: 'allocated' });
    expect(allocateAcrossBins(bins, 1, '2026-12-02')).toEqual({ kind: 'short', available: 0 });
  });

  it('is all or nothing with lots too', () => {
    const bins = [
      { locationCode: 'A-01', lot: lot('L1', '2027-01-01'), onHand: 2, reserved: 1 },
      { locationCode: 'A-01', lot: lot('L2', '2027-02-01'), onHand: 2, reserved: 0 },
    ];
    expect(allocateAcrossBins(bins, 4, today)).toEqual({ kind: 'short', available: 3 });
  });
});

describe('allocation properties', () => {
  const days = fc.integer({ min: -5, max: 5 }).map((offset) => new Date(Date.UTC(2026, 11, 1 + offset)).toISOString().slice(0, 10));
  const binArb = fc
    .record({
      locationCode: fc.constantFrom('A-01', 'A-02', 'B-01'),
      code: fc.constantFrom('L1', 'L2', 'L3', 'L4'),
      expiresOn: fc.option(days, { nil: null }),
      receivedDay: fc.integer({ min: 1, max: 28 }),
      onHand: fc.integer({ min: 0, max: 20 }),
      reservedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ locationCode, code, expiresOn, receivedDay, onHand, reservedShare }): BinStock => ({
      locationCode,
      lot: { code, expiresOn, receivedAt: new Date(Date.UTC(2026, 9, receivedDay)) },
      onHand,
      reserved: Math.floor(onHand * reservedShare),
    }));
  // One row per bin and lot, as the table's key makes it; a lot has one expiry and receipt.
  const binsArb = fc.uniqueArray(binArb, { selector: (bin) => `${bin.locationCode}|${bin.lot!.code}`, maxLength: 8 }).map((bins) => {
    const first = new Map(bins.map((bin) => [bin.lot!.code, bin.lot!]));
    return bins.map((bin) => ({ ...bin, lot: first.get(bin.lot!.code)! }));
  });

  it('never an expired lot, never more than a bin has available, exactly the quantity or nothing', () => {
    fc.assert(
      fc.property(binsArb, fc.integer({ min: 1, max: 60 }), (bins, quantity) => {
        const decision = allocateAcrossBins(bins, quantity, today);
        if (decision.kind === 'short') return decision.available < quantity && decision.available === availableOf(bins, today);
        const total = decision.allocations.reduce((sum, allocation) => sum + allocation.quantity, 0);
        if (total !== quantity) return false;
        return decision.allocations.every((allocation) => {
          const bin = bins.find((candidate) => candidate.locationCode === allocation.locationCode && candidate.lot!.code === allocation.lot)!;
          return !isExpired(bin.lot, today) && allocation.quantity > 0 && allocation.quantity <= bin.onHand - bin.reserved;
        });
      }),
    );
  });

  it('takes in FEFO order: every bin it takes from is exhausted before a later one is touched', () => {
    fc.assert(
      fc.property(binsArb, fc.integer({ min: 1, max: 60 }), (bins, quantity) => {
        const decision = allocateAcrossBins(bins, quantity, today);
        if (decision.kind === 'short') return true;
        const usable = bins.filter((bin) => !isExpired(bin.lot, today) && bin.onHand > bin.reserved).sort(fefoOrder);
        const taken = decision.allocations.map((allocation) =>
          usable.findIndex((bin) => bin.locationCode === allocation.locationCode && bin.lot!.code === allocation.lot),
        );
        // A prefix of the usable bins in FEFO order, each but the last taken whole.
        return (
          taken.every((index, position) => index === position) &&
          decision.allocations.slice(0, -1).every((allocation, position) => allocation.quantity === usable[position]!.onHand - usable[position]!.reserved)
        );
      }),
    );
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
