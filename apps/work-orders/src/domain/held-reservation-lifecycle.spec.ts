import { decideHeldReservation, HeldReservationStatus, statusesMovedBy, stepEndingIn, type HeldReservationStep } from './held-reservation-lifecycle';

const S = HeldReservationStatus;
const steps: HeldReservationStep[] = ['hold', 'release', 'consume'];

describe('a work order’s record of a held reservation', () => {
  it('is held once, from nothing', () => {
    expect(decideHeldReservation(null, 'hold')).toEqual({ kind: 'accepted', status: S.Held });
    expect(decideHeldReservation(S.Held, 'hold')).toMatchObject({ kind: 'ignored', reason: 'already held' });
  });

  it('ends released or consumed, only from held', () => {
    expect(decideHeldReservation(S.Held, 'release')).toEqual({ kind: 'accepted', status: S.Released });
    expect(decideHeldReservation(S.Held, 'consume')).toEqual({ kind: 'accepted', status: S.Consumed });
    expect(decideHeldReservation(null, 'release')).toMatchObject({ kind: 'ignored', reason: 'nothing is held' });
  });

  it('never moves again once it has ended, whatever the step', () => {
    for (const ended of [S.Released, S.Consumed])
      for (const step of steps) expect(decideHeldReservation(ended, step)).toMatchObject({ kind: 'ignored', reason: `already ${ended.toLowerCase()}` });
  });

  it('gives the set-based writes the guard the decision implies', () => {
    expect(statusesMovedBy('release')).toEqual([S.Held]);
    expect(statusesMovedBy('consume')).toEqual([S.Held]);
    // A hold inserts a record that did not exist: no existing status moves.
    expect(statusesMovedBy('hold')).toEqual([]);
    expect(stepEndingIn(S.Released)).toBe('release');
    expect(stepEndingIn(S.Consumed)).toBe('consume');
  });
});
