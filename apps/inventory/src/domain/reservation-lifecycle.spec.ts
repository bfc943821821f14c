import { decide, decideOrder, evolve, noReservation, type ReservationCommand, type ReservationState } from './reservation-lifecycle';

const bins = [
  { locationCode: 'A-01', onHand: 4, reserved: 1 },
  { locationCode: 'A-02', onHand: 10, reserved: 0 },
];
const today = '2026-12-01';
const allocations = [
  { locationCode: 'A-01', quantity: 3 },
  { locationCode: 'A-02', quantity: 2 },
];
const reserved: ReservationState = { status: 'RESERVED', quantity: 5, allocations };
const inStatus = (status: ReservationState['status']): ReservationState => ({ ...reserved, status });

/** The state a command leads to, through decide and then evolve. */
function after(state: ReservationState, command: ReservationCommand): ReservationState {
  const decision = decide(state, command);
  if (decision.kind === 'ignored') throw new Error(decision.reason);
  return decision.events.reduce(evolve, state);
}

describe('reservation lifecycle', () => {
  it('reserves across bins when they have the quantity', () => {
    expect(decide(noReservation, { type: 'reserve', quantity: 5, bins, today })).toEqual({
      kind: 'accepted',
      events: [{ type: 'Reserved', quantity: 5, allocations }],
    });
    expect(after(noReservation, { type: 'reserve', quantity: 5, bins, today })).toEqual(reserved);
  });

  it('is rejected, holding nothing, when the bins are short, and says what was available', () => {
    expect(decide(noReservation, { type: 'reserve', quantity: 14, bins, today })).toEqual({
      kind: 'accepted',
      events: [{ type: 'Rejected', quantity: 14, available: 13 }],
    });
    expect(after(noReservation, { type: 'reserve', quantity: 14, bins, today })).toEqual({ status: 'REJECTED', quantity: 14, allocations: [] });
  });

  it('ignores a re-sent reserve, whatever was decided the first time', () => {
    for (const status of ['RESERVED', 'REJECTED', 'RELEASED', 'CONSUMED'] as const) {
      expect(decide(inStatus(status), { type: 'reserve', quantity: 5, bins, today })).toEqual({ kind: 'ignored', reason: `already decided: ${status}` });
    }
  });

  it('releases what it holds, once', () => {
    expect(decide(reserved, { type: 'release' })).toEqual({ kind: 'accepted', events: [{ type: 'Released', quantity: 5, allocations }] });
    expect(after(reserved, { type: 'release' })).toEqual(inStatus('RELEASED'));
    for (const status of ['REJECTED', 'RELEASED', 'CONSUMED'] as const) {
      expect(decide(inStatus(status), { type: 'release' })).toEqual({ kind: 'ignored', reason: `holds nothing to release: ${status}` });
    }
  });

  it('leaves a tombstone when a release gets there before its reserve, and the late reserve is ignored', () => {
    expect(decide(noReservation, { type: 'release' })).toEqual({ kind: 'accepted', events: [{ type: 'ReleasedBeforeReserved' }] });
    const tombstone = after(noReservation, { type: 'release' });
    expect(tombstone).toEqual({ status: 'RELEASED', quantity: 0, allocations: [] });
    expect(decide(tombstone, { type: 'reserve', quantity: 5, bins, today })).toEqual({ kind: 'ignored', reason: 'already decided: RELEASED' });
    expect(decide(tombstone, { type: 'release' })).toEqual({ kind: 'ignored', reason: 'holds nothing to release: RELEASED' });
    expect(() => evolve(reserved, { type: 'ReleasedBeforeReserved' })).toThrow('cannot apply ReleasedBeforeReserved to a reservation that is RESERVED');
  });

  it('consumes what it holds, once', () => {
    expect(decide(reserved, { type: 'consume' })).toEqual({ kind: 'accepted', events: [{ type: 'Consumed', allocations }] });
    expect(after(reserved, { type: 'consume' })).toEqual(inStatus('CONSUMED'));
    for (const status of ['REJECTED', 'RELEASED', 'CONSUMED'] as const) {
      expect(decide(inStatus(status), { type: 'consume' })).toEqual({ kind: 'ignored', reason: `holds nothing to consume: ${status}` });
    }
    expect(decide(noReservation, { type: 'consume' })).toEqual({ kind: 'ignored', reason: 'holds nothing to consume: unknown' });
  });

  it('refuses to apply an event that does not fit the state: that is a bug', () => {
    expect(() => evolve(reserved, { type: 'Reserved', quantity: 5, allocations })).toThrow('cannot apply Reserved to a reservation that is RESERVED');
    expect(() => evolve(reserved, { type: 'Rejected', quantity: 5, available: 0 })).toThrow();
    expect(() => evolve(inStatus('RELEASED'), { type: 'Released', quantity: 5, allocations })).toThrow();
    expect(() => evolve(inStatus('RELEASED'), { type: 'Consumed', allocations })).toThrow();
    expect(() => evolve(noReservation, { type: 'Consumed', allocations })).toThrow('cannot apply Consumed to a reservation that is unknown');
  });

  describe('an order, all or nothing', () => {
    const stock = new Map([
      ['BOX', [{ locationCode: 'A-01', onHand: 6, reserved: 0 }]],
      ['SOAP', bins],
    ]);
    const line = (key: string, quantity: number, state = noReservation) => ({ key, quantity, state });

    it('reserves every line, each after the ones before it (two lines of one SKU share its bins)', () => {
      const decision = decideOrder([line('BOX', 4), line('SOAP', 5), line('BOX', 2)], stock, today);
      expect(decision).toEqual({
        kind: 'accepted',
        events: [
          { type: 'Reserved', quantity: 4, allocations: [{ locationCode: 'A-01', quantity: 4 }] },
          { type: 'Reserved', quantity: 5, allocations },
          { type: 'Reserved', quantity: 2, allocations: [{ locationCode: 'A-01', quantity: 2 }] },
        ],
        bins: new Map([
          ['BOX', [{ locationCode: 'A-01', onHand: 6, reserved: 6 }]],
          [
            'SOAP',
            [
              { locationCode: 'A-01', onHand: 4, reserved: 4 },
              { locationCode: 'A-02', onHand: 10, reserved: 2 },
            ],
          ],
        ]),
      });
      // The bins it was given are not touched: the caller takes the new ones only if it keeps the decision.
      expect(stock.get('BOX')).toEqual([{ locationCode: 'A-01', onHand: 6, reserved: 0 }]);
    });

    it('holds nothing when one line is short: every line rejected with what was available at its turn', () => {
      const decision = decideOrder([line('BOX', 4), line('SOAP', 20), line('BOX', 3)], stock, today);
      expect(decision).toEqual({
        kind: 'accepted',
        events: [
          { type: 'Rejected', quantity: 4, available: 6 },
          { type: 'Rejected', quantity: 20, available: 13 },
          { type: 'Rejected', quantity: 3, available: 2 },
        ],
        bins: new Map(),
      });
    });

    it('decides nothing new when a line was seen before (re-sent, or released first)', () => {
      expect(decideOrder([line('BOX', 1), line('SOAP', 1, inStatus('RELEASED'))], stock, today)).toEqual({
        kind: 'ignored',
        reason: 'already decided: RELEASED',
      });
      expect(decideOrder([line('BOX', 1, reserved), line('SOAP', 1, reserved)], stock, today)).toEqual({
        kind: 'ignored',
        reason: 'already decided: RESERVED',
      });
    });
  });
});
