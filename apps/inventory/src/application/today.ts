/** Today's date in UTC (`YYYY-MM-DD`): a lot is usable through its expiry day, UTC. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
