import { z } from 'zod';

/** The first and last days a work order may be scheduled on (UTC), inclusive. */
export const scheduledAtRange = { earliest: '2000-01-01', latest: '2100-12-31' } as const;

const earliest = Date.parse(`${scheduledAtRange.earliest}T00:00:00.000Z`);
const afterLatest = Date.parse(`${scheduledAtRange.latest}T00:00:00.000Z`) + 24 * 60 * 60 * 1000;
const calendarDate = z.iso.date();
const dateTimeWithOffset = z.iso.datetime({ offset: true });

/**
 * When a work order is planned, as a request gives it: a calendar date (`2026-12-20`, taken as
 * midnight UTC of that day) or an ISO date-time with an offset (`2026-12-20T09:30:00+01:00`),
 * between 2000-01-01 and 2100-12-31. Parses to the normalized ISO date-time in UTC
 * (`2026-12-20T00:00:00.000Z`), which is also what every answer carries: a console that works in
 * calendar dates shows the UTC calendar date of it (`scheduledAt.slice(0, 10)`), so a date saved
 * is the date read back in every time zone.
 */
export const scheduledAtSchema = z.string().transform((value, context) => {
  const instant = calendarDate.safeParse(value).success
    ? Date.parse(`${value}T00:00:00.000Z`)
    : dateTimeWithOffset.safeParse(value).success
      ? Date.parse(value)
      : Number.NaN;
  if (Number.isNaN(instant)) {
    context.addIssue({ code: 'custom', message: 'must be a calendar date (2026-12-20) or an ISO date-time with offset (2026-12-20T09:30:00+01:00)' });
    return z.NEVER;
  }
  if (instant < earliest || instant >= afterLatest) {
    context.addIssue({ code: 'custom', message: `must be between ${scheduledAtRange.earliest} and ${scheduledAtRange.latest}` });
    return z.NEVER;
  }
  return new Date(instant).toISOString();
});
