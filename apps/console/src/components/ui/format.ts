/**
 * How dates read on screen. Scheduled At is a calendar date: the API stores a date alone as
 * midnight UTC, so it is shown as that UTC date whatever the browser's zone.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  return value.slice(0, 10);
}

/** Moments (Created At, history) in the operator's own time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return date.toLocaleString(undefined, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}
