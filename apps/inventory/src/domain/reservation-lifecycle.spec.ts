import { decide, evolve, noReservation, type ReservationCommand, type ReservationState } from './reservation-lifecycle';

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
    expect(decide(noReservation, { type: 'release' })).toEqual({ kind: 'ignored', reason: 'holds nothing to release: unknown' });
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
});
