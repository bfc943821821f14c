import { scheduledAtSchema } from './scheduled-at';

describe('scheduledAt', () => {
  const parse = (value: string) => scheduledAtSchema.safeParse(value);

  it('takes a calendar date as midnight UTC of that day', () => {
    expect(parse('2026-12-20')).toEqual({ success: true, data: '2026-12-20T00:00:00.000Z' });
  });

  it('takes a date-time with an offset or Z, normalized to UTC', () => {
    expect(parse('2026-12-20T09:30:00+01:00').data).toBe('2026-12-20T08:30:00.000Z');
    expect(parse('2026-12-20T09:30:00.250Z').data).toBe('2026-12-20T09:30:00.250Z');
  });

  it('refuses what is neither', () => {
    for (const value of ['20-12-2026', '2026-12-20T09:30:00', '2026-02-30', 'tomorrow', '']) {
      expect(parse(value).success).toBe(false);
    }
  });

  it('keeps to 2000-01-01 through 2100-12-31', () => {
    expect(parse('2000-01-01').success).toBe(true);
    expect(parse('2100-12-31T23:59:59.999Z').success).toBe(true);
    for (const value of ['0000-01-01', '0000-01-01T00:00:00Z', '1999-12-31T23:59:59Z', '2101-01-01', '2100-12-31T23:30:00-01:00']) {
      const result = parse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('must be between 2000-01-01 and 2100-12-31');
    }
  });
});
