import { expiryDateSchema, lotCodeSchema } from '@wo/contracts/rest';

export type TraceDirection = 'down' | 'up';

/** The Lot Trace page's choices, in the words an operator asks them. */
export const traceDirectionLabels: Record<TraceDirection, string> = {
  down: 'Down: what went into it',
  up: 'Up: where it went',
};

/** Where the Lot Trace page answers for one lot: its query lives in the URL, so a trace can be linked and shared. */
export function lotTracePath(target: { merchantId: string; sku: string; lot: string; direction: TraceDirection }): string {
  const search = new URLSearchParams({ merchantId: target.merchantId, sku: target.sku, lot: target.lot, direction: target.direction });
  return `/lot-trace?${search.toString()}`;
}

/** A lot code as the API takes it (1-64 printable characters, no spaces), or why not. */
export function lotCodeProblem(code: string): string | undefined {
  if (!code.trim()) return 'Enter the lot';
  return lotCodeSchema.safeParse(code).success ? undefined : 'A lot is 1-64 letters, digits or signs, without spaces';
}

/** An expiry day as the API takes it (`YYYY-MM-DD`), or why not; empty is allowed (no expiry). */
export function expiryProblem(day: string): string | undefined {
  if (!day) return undefined;
  return expiryDateSchema.safeParse(day).success ? undefined : 'Enter a day as YYYY-MM-DD';
}
