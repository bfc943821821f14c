/**
 * Mends a known fault of kafkajs 2.2.4 (tulios/kafkajs#1556, fix proposed in #1667, never
 * released): every broker connection's request queue re-arms a timer of `throttledUntil - now`
 * milliseconds whenever it has checked its pending requests, and with no throttle in force that
 * is negative, so each connection runs a 1 ms timer loop for as long as it is open, with or
 * without anything to send. Measured here, that loop was most of an idle service's CPU (40-60 ms
 * of CPU a second per service, docs/benchmark.md) and it runs as much under load.
 *
 * The queue only needs a timer when requests wait in it: a push that has to wait schedules one,
 * and every response checks the queue again. So the mended method arms a timer only when
 * something is pending, at the throttle's end or after 10 ms as kafkajs does.
 *
 * kafkajs has no release since 2.2.4; the mend applies to that version only, and a unit spec
 * fails on any other so whoever upgrades checks whether upstream fixed it.
 */
import { createRequire } from 'node:module';

/** kafkajs's own interval for re-checking a queue that waits on in-flight requests. */
const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;
export const KAFKAJS_VERSION_MENDED = '2.2.4';

interface RequestQueueInternals {
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  pending: unknown[];
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

let mended: boolean | undefined;

/** Replaces kafkajs's `RequestQueue.scheduleCheckPendingRequests` once per process; true when it did. */
export function mendKafkajsIdleLoop(): boolean {
  if (mended !== undefined) return mended;
  mended = (fromKafkajs('./package.json') as { version: string }).version === KAFKAJS_VERSION_MENDED;
  if (!mended) return false;
  kafkajsRequestQueueClass().prototype.scheduleCheckPendingRequests = function scheduleCheckPendingRequests(this: RequestQueueInternals) {
    if (this.throttleCheckTimeoutId || this.pending.length === 0) return;
    const throttledForMs = this.throttledUntil - Date.now();
    this.throttleCheckTimeoutId = setTimeout(
      () => {
        this.throttleCheckTimeoutId = null;
        this.checkPendingRequests();
      },
      throttledForMs > 0 ? throttledForMs : CHECK_PENDING_REQUESTS_INTERVAL_MS,
    );
  };
  return true;
}

/** The request-queue class the mend changes (also for its spec). */
export function kafkajsRequestQueueClass(): { new (options: object): RequestQueueInternals; prototype: RequestQueueInternals } {
  return fromKafkajs('./src/network/requestQueue') as ReturnType<typeof kafkajsRequestQueueClass>;
}

/** Loads a file of the installed kafkajs package (its internals are not among its exports). */
function fromKafkajs(path: string): unknown {
  return createRequire(require.resolve('kafkajs'))(path);
}
