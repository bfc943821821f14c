/**
 * Group commit: requests that arrive while a transaction is in flight wait for it and then go
 * together in the next one, so a burst of N requests costs a few transactions instead of N (their
 * round trips, commits and outbox wake-ups shared). A request that finds nothing in flight goes at
 * once: there is no timer, so a quiet system answers as fast as before.
 *
 * `runBatch` answers each request of a batch in order, in one transaction. When it throws (a
 * fault, not an expected refusal, which is an answer), every request of the batch goes again on
 * its own, so one request's fault fails only that request.
 */
export class GroupCommit<TRequest, TAnswer> {
  private readonly waiting: { request: TRequest; resolve(answer: TAnswer): void; reject(error: unknown): void }[] = [];
  private inFlight = false;

  constructor(
    private readonly runBatch: (requests: readonly TRequest[]) => Promise<readonly TAnswer[]>,
    private readonly options: { readonly maxBatch?: number; readonly onBatch?: (size: number) => void } = {},
  ) {}

  submit(request: TRequest): Promise<TAnswer> {
    return new Promise<TAnswer>((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      if (!this.inFlight) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.inFlight = true;
    try {
      while (this.waiting.length > 0) await this.run(this.waiting.splice(0, this.options.maxBatch ?? 64));
    } finally {
      this.inFlight = false;
    }
  }

  private async run(batch: GroupCommit<TRequest, TAnswer>['waiting']): Promise<void> {
    this.options.onBatch?.(batch.length);
    try {
      const answers = await this.runBatch(batch.map((entry) => entry.request));
      batch.forEach((entry, index) => entry.resolve(answers[index]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      await Promise.all(
        batch.map((entry) =>
          this.runBatch([entry.request]).then(
            ([answer]) => entry.resolve(answer!),
            (alone: unknown) => entry.reject(alone),
          ),
        ),
      );
    }
  }
}
