import { refuse } from '../refusal/refusal';
import { answer, problemOf } from './answer';
import { conflict, invalidInput, notFound } from './problem';

describe('answer', () => {
  it('passes a value through', () => {
    expect(answer({ id: 'x' })).toEqual({ id: 'x' });
  });

  it('says each refusal as the problem+json the HTTP contract gives it, key for key', () => {
    const cases = [
      [refuse.notFound('Picking list', 'x'), notFound('Picking list', 'x')],
      [refuse.conflict('not now', { listStatus: 'DONE', allowedActions: [] }), conflict('not now', { listStatus: 'DONE', allowedActions: [] })],
      [refuse.invalid([{ field: 'sku', message: 'unknown' }]), invalidInput([{ field: 'sku', message: 'unknown' }])],
      [refuse.invalid([], 'The receipt does not match.'), invalidInput([], 'The receipt does not match.')],
    ] as const;
    for (const [refusal, expected] of cases) {
      expect(JSON.stringify(problemOf(refusal).problem)).toBe(JSON.stringify(expected.problem));
      expect(() => answer(refusal)).toThrow(expect.objectContaining({ problem: expected.problem }));
    }
  });
});
