/**
 * Polls `probe` until it returns a value that `done` accepts, or fails after `timeoutMs` with the
 * last value seen: the way tests wait for sagas and replicas to settle without fixed sleeps.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (done(last)) return last;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
  const seen = lastError ? `error ${(lastError as Error).message}` : JSON.stringify(last)?.slice(0, 2_000);
  throw new Error(`timed out waiting for ${options.what ?? 'condition'}; last seen: ${seen}`);
}
