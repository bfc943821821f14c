/**
 * How dates read on screen. Scheduled At is a calendar date: the API stores a date alone as
 * midnight UTC, so it is shown as that UTC date whatever the browser's zone.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  return value.slice(0, 10);
}

/** A count as a list reports it: past the API's cap it is a lower bound ("10,000+"). */
export function formatCount(value: number, capped = false): string {
  return capped ? `${value.toLocaleString('en-US')}+` : String(value);
}

/** Moments (Created At, history) in the operator's own time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return date.toLocaleString(undefined, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}
