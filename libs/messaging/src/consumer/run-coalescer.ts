import type { Envelope } from '@wo/contracts/envelope';

/**
 * Joins the runs that several partitions hand to one batch handler in the same turn of the event
 * loop into one call, so one fetch's messages for a handler cost one database transaction instead
 * of one per partition. kafkajs gives each partition of a fetch to its own worker at once, and
 * fetches again only when all are done, so the runs of one fetch arrive together.
 *
 * Each partition's messages stay in their order; partitions never shared a key, so the order
 * between them does not matter. The call's outcome is every caller's outcome: if it fails, each
 * partition falls back to its own messages one at a time (KafkaMessageServer), which isolates a
 * bad message as before.
 */
export class RunCoalescer {
  private readonly gathering = new Map<string, Gathering>();

  submit(pattern: string, envelopes: readonly Envelope[], apply: (envelopes: Envelope[]) => Promise<void>): Promise<{ joined: number }> {
    let gathering = this.gathering.get(pattern);
    if (!gathering) {
      const created: Gathering = { envelopes: [], callers: [] };
      this.gathering.set(pattern, created);
      // After the other workers of this fetch have had their turn (their paths here are microtasks).
      setImmediate(() => void this.run(pattern, created, apply));
      gathering = created;
    }
    gathering.envelopes.push(...envelopes);
    return new Promise((resolve, reject) => gathering.callers.push({ resolve, reject }));
  }

  private async run(pattern: string, gathering: Gathering, apply: (envelopes: Envelope[]) => Promise<void>): Promise<void> {
    this.gathering.delete(pattern);
    const joined = gathering.callers.length;
    try {
      await apply(gathering.envelopes);
      for (const caller of gathering.callers) caller.resolve({ joined });
    } catch (error) {
      for (const caller of gathering.callers) caller.reject(error);
    }
  }
}

interface Gathering {
  readonly envelopes: Envelope[];
  readonly callers: { resolve(outcome: { joined: number }): void; reject(error: unknown): void }[];
}
