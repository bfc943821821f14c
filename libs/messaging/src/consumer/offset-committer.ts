/** A committed position: the offset of the next message the group is to read on one partition. */
export interface PartitionOffset {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/**
 * Commits a consumer group's offsets a few times a second instead of after every batch.
 *
 * kafkajs's own auto-commit sends an OffsetCommit after each partition's batch: with
 * partitions consumed at once, the bench measured about 24 committed offsets per order, each
 * a request, a write to `__consumer_offsets` and an answer (docs/benchmark.md). Committing what
 * was handled every `intervalMs` instead costs a handful a second whatever the load.
 *
 * Only offsets of handled messages are committed, so nothing is skipped: a crash, a kill or a
 * rebalance re-delivers at most the last interval's messages to the partition's next owner, and
 * every handler's inbox makes that harmless (as it already did for a crash mid-batch).
 */
export class OffsetCommitter {
  /** The next offset to commit per partition (`topic/partition`), newest handled wins. */
  private pending = new Map<string, PartitionOffset>();
  private timer: NodeJS.Timeout | null = null;
  private committing: Promise<void> = Promise.resolve();

  constructor(
    private readonly commit: (offsets: PartitionOffset[]) => Promise<void>,
    private readonly intervalMs: number,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  /** The message at `offset` of this partition is handled (or skipped): the group may move past it. */
  handled(topic: string, partition: number, offset: string): void {
    this.pending.set(`${topic}/${partition}`, { topic, partition, offset: (BigInt(offset) + 1n).toString() });
    this.timer ??= setTimeout(() => void this.flush(), this.intervalMs);
  }

  /**
   * Commits what is handled now (and waits for a commit already in flight). A failed commit's
   * offsets are tried again at the next interval unless newer ones replaced them or the
   * partition went to another member meanwhile (`retain`).
   */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.committing = this.committing.then(async () => {
      if (this.pending.size === 0) return;
      const offsets = this.pending;
      this.pending = new Map();
      try {
        await this.commit([...offsets.values()]);
      } catch (error) {
        this.onFailure(error);
        for (const [key, offset] of offsets) if (!this.pending.has(key)) this.pending.set(key, offset);
        this.timer ??= setTimeout(() => void this.flush(), this.intervalMs);
      }
    });
    return this.committing;
  }

  /** The member's partitions after a rebalance: offsets of the others are no longer its to commit. */
  retain(assignment: Readonly<Record<string, readonly number[]>>): void {
    for (const [key, { topic, partition }] of this.pending) {
      if (!assignment[topic]?.includes(partition)) this.pending.delete(key);
    }
  }

  /** Stops the timer; what is not committed yet stays so (the next owner re-reads it). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }
}
