/** How long a replica that refused a connection is passed over before it is tried again. */
const REFUSED_PAUSE_MS = 2_000;

/**
 * The replicas of one service (its URL list, WORK_ORDERS_URL=a,b,...), taken in turn. A replica
 * that refused a connection is passed over for a moment, as a Kubernetes Service stops sending to a
 * pod that is gone; with one URL this is a plain fixed target.
 */
export class UpstreamPool {
  private turn = 0;
  private readonly refusedUntil = new Map<string, number>();

  constructor(readonly urls: readonly string[]) {
    if (urls.length === 0) throw new Error('an upstream needs at least one URL');
  }

  /** The next replica in turn that has not refused lately and is not among `tried`; null when every one was tried. */
  pick(tried: readonly string[] = []): string | null {
    const untried = this.urls.filter((url) => !tried.includes(url));
    if (untried.length === 0) return null;
    const now = Date.now();
    const willing = untried.filter((url) => (this.refusedUntil.get(url) ?? 0) <= now);
    const candidates = willing.length > 0 ? willing : untried;
    this.turn = (this.turn + 1) % Number.MAX_SAFE_INTEGER;
    return candidates[this.turn % candidates.length]!;
  }

  /** The replica refused a connection: nothing reached it, so the request may go to another. */
  refused(url: string): void {
    this.refusedUntil.set(url, Date.now() + REFUSED_PAUSE_MS);
  }
}

/** A connection that was never accepted: the request did not reach the service, so it is safe to send elsewhere. */
export function connectionRefused(error: Error): boolean {
  return (error as NodeJS.ErrnoException).code === 'ECONNREFUSED';
}
