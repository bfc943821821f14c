import { z } from 'zod';

/**
 * When a saga step is re-sent and when a saga is declared stuck. A step with no answer is re-sent
 * after `stepTimeoutMs`, then with doubling backoff up to `maxBackoffMs`; a saga still unfinished
 * `deadlineMs` after it started is marked STUCK and waits for an operator's retry.
 */
export interface SagaTiming {
  readonly stepTimeoutMs: number;
  readonly maxBackoffMs: number;
  readonly deadlineMs: number;
}

const schema = z.object({
  SAGA_STEP_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  SAGA_MAX_BACKOFF_MS: z.coerce.number().int().min(100).default(60_000),
  SAGA_DEADLINE_MS: z.coerce.number().int().min(1_000).default(300_000),
});

export function sagaTimingFrom(env: NodeJS.ProcessEnv): SagaTiming {
  const parsed = schema.parse(env);
  return { stepTimeoutMs: parsed.SAGA_STEP_TIMEOUT_MS, maxBackoffMs: parsed.SAGA_MAX_BACKOFF_MS, deadlineMs: parsed.SAGA_DEADLINE_MS };
}

/** When the step's next re-send is due, after `attempts` re-sends so far. */
export function nextDeadline(timing: SagaTiming, attempts: number, now: Date): Date {
  return new Date(now.getTime() + Math.min(timing.stepTimeoutMs * 2 ** attempts, timing.maxBackoffMs));
}
