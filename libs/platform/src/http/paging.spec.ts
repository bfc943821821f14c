import { TOTAL_COUNT_CAP } from '@wo/contracts/rest';
import { cappedTotal, decodeCursor, encodeCursor, requireOnePagingMode } from './paging';
import type { ProblemException } from './problem';

describe('cursors and capped totals', () => {
  const fieldOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return { status: (error as ProblemException).problem.status, errors: (error as ProblemException).problem['errors'] };
    }
    return 'accepted';
  };

  it('gives back the key a cursor was made of, for its own tag only', () => {
    const cursor = encodeCursor('-createdAt', ['2026-12-01T10:00:00.000Z', 'wo-1']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, '-createdAt', ['date', 'string'])).toEqual(['2026-12-01T10:00:00.000Z', 'wo-1']);
    expect(decodeCursor(encodeCursor('-priority', [3, '2026-12-01T10:00:00.000Z', 'wo-1']), '-priority', ['number', 'date', 'string'])).toEqual([
      3,
      '2026-12-01T10:00:00.000Z',
      'wo-1',
    ]);
  });

  it('refuses, naming query.after, what is not a cursor of this list and sort', () => {
    const refused = { status: 400, errors: [expect.objectContaining({ field: 'query.after' })] };
    const byDate = ['date', 'string'] as const;
    const cases: [string, string, readonly ('string' | 'number' | 'date')[]][] = [
      ['garbage', '-createdAt', byDate],
      [encodeCursor('createdAt', ['2026-12-01T10:00:00.000Z', 'wo-1']), '-createdAt', byDate],
      [encodeCursor('-createdAt', ['yesterday', 'wo-1']), '-createdAt', byDate],
      [encodeCursor('-createdAt', ['2026-12-01T10:00:00.000Z']), '-createdAt', byDate],
      [encodeCursor('-createdAt', ['2026-12-01T10:00:00.000Z', 7]), '-createdAt', byDate],
      [encodeCursor('-priority', [1.5, '2026-12-01T10:00:00.000Z', 'wo-1']), '-priority', ['number', 'date', 'string']],
      [Buffer.from('{"a":1}').toString('base64url'), 'stock', ['string']],
    ];
    for (const [after, tag, kinds] of cases) {
      expect({ after, outcome: fieldOf(() => decodeCursor(after, tag, kinds)) }).toEqual({ after, outcome: refused });
    }
    expect(fieldOf(() => requireOnePagingMode({ page: 2, after: 'x' }))).toEqual(refused);
    expect(fieldOf(() => requireOnePagingMode({ page: 1, after: 'x' }))).toBe('accepted');
  });

  it('answers a count read with LIMIT cap + 1 as the cap and capped past it', () => {
    expect(cappedTotal(0)).toEqual({ total: 0, totalCapped: false });
    expect(cappedTotal(TOTAL_COUNT_CAP)).toEqual({ total: TOTAL_COUNT_CAP, totalCapped: false });
    expect(cappedTotal(TOTAL_COUNT_CAP + 1)).toEqual({ total: TOTAL_COUNT_CAP, totalCapped: true });
  });
});
