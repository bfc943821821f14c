import { Inject, Injectable } from '@nestjs/common';
import type { DeadLetter, DeadLetterListRequest, DeadLetterStatus, DeadLetterTopicCount } from '@wo/contracts/rest';
import { physicalTopic, replayHeaders, type DeadLetterRecord } from '@wo/messaging';
import { SERVICE_RUNTIME, skipTake, type Actor, type Page, type ServiceRuntime } from '@wo/platform';
import { randomUUID } from 'node:crypto';
import type { DeadLetter as DeadLetterRow } from '../generated/prisma/client';
import { WorkOrdersDatabase } from '../persistence/work-orders-database';

/** Why a replay was refused. */
export type ReplayRefusal = 'unknown' | 'already-replayed';

/** The index of dead letters: recorded from the dead-letter topics, listed, read and replayed. */
@Injectable()
export class DeadLetters {
  constructor(
    private readonly db: WorkOrdersDatabase,
    @Inject(SERVICE_RUNTIME) private readonly runtime: ServiceRuntime,
  ) {}

  /** Records one dead letter; its position in the dead-letter topic makes a second delivery a no-op. */
  async record(topic: string, partition: number, offset: bigint, letter: DeadLetterRecord): Promise<void> {
    await this.db.deadLetter.createMany({
      data: [
        {
          id: randomUUID(),
          topic,
          deadLetterPartition: partition,
          deadLetterOffset: offset,
          source: letter.source,
          reason: letter.reason,
          detail: letter.detail,
          consumerGroup: letter.consumerGroup,
          messageType: letter.messageType,
          messageKey: letter.key && new Uint8Array(letter.key),
          messageValue: letter.value && new Uint8Array(letter.value),
          headers: letter.headers,
          deadLetteredAt: letter.deadLetteredAt,
        },
      ],
      skipDuplicates: true,
    });
  }

  /** Counts per topic (of every dead letter) and one page of the matching ones, newest first. */
  async list({ topic, status, page, pageSize }: DeadLetterListRequest) {
    const where = { topic, status };
    const [grouped, rows, total] = await Promise.all([
      this.db.deadLetter.groupBy({ by: ['topic', 'status'], _count: { _all: true }, orderBy: { topic: 'asc' } }),
      this.db.deadLetter.findMany({
        where,
        // Within a millisecond, a partition's offsets keep the order; the id makes the order total.
        orderBy: [{ deadLetteredAt: 'desc' }, { deadLetterOffset: 'desc' }, { id: 'desc' }],
        ...skipTake({ page, pageSize }),
        omit: { messageValue: true, headers: true },
      }),
      this.db.deadLetter.count({ where }),
    ]);
    const counts = new Map<string, DeadLetterTopicCount>();
    for (const row of grouped) {
      const count = counts.get(row.topic) ?? { topic: row.topic, dead: 0, replayed: 0 };
      if (row.status === 'REPLAYED') count.replayed += row._count._all;
      else count.dead += row._count._all;
      counts.set(row.topic, count);
    }
    const found: Page<ReturnType<typeof summaryOf>> = { items: rows.map(summaryOf), total };
    return { counts: [...counts.values()], page: found };
  }

  async get(id: string): Promise<DeadLetter | null> {
    const row = await this.db.deadLetter.findUnique({ where: { id } });
    return row && detailOf(row);
  }

  /**
   * Sends the original key, value and headers back to the topic they came from (without the
   * dead-letter headers, with a replay marker) and marks the dead letter replayed, once: the row is
   * locked while the message is sent, so two replays at once send it once. Kafka and the row are
   * not one transaction: if the commit fails after the send, the row stays DEAD and a second replay
   * sends a copy, which the consumer's inbox drops (same message id).
   */
  async replay(id: string, actor: Actor): Promise<DeadLetter | ReplayRefusal> {
    return this.db.$transaction(
      async (tx) => {
        const [locked] = await tx.$queryRawUnsafe<{ status: DeadLetterStatus }[]>('SELECT status FROM dead_letter WHERE id = $1 FOR UPDATE', id);
        if (!locked) return 'unknown';
        if (locked.status === 'REPLAYED') return 'already-replayed';
        const row = await tx.deadLetter.findUniqueOrThrow({ where: { id } });
        await this.runtime.producer.send({
          topic: physicalTopic(this.runtime.kafkaSettings, row.topic),
          messages: [{ key: bufferOf(row.messageKey), value: bufferOf(row.messageValue), headers: replayHeaders(headersOf(row), id) }],
        });
        return detailOf(await tx.deadLetter.update({ where: { id }, data: { status: 'REPLAYED', replayedAt: new Date(), replayedBy: actor.name } }));
      },
      // The send waits for Kafka's acknowledgement (a few retries at worst).
      { timeout: 30_000 },
    );
  }
}

function summaryOf(row: Omit<DeadLetterRow, 'messageValue' | 'headers'>) {
  return {
    id: row.id,
    topic: row.topic,
    key: row.messageKey ? Buffer.from(row.messageKey).toString('utf8') : null,
    reason: row.reason,
    detail: row.detail,
    messageType: row.messageType,
    source: row.source,
    consumerGroup: row.consumerGroup,
    status: row.status as DeadLetterStatus,
    deadLetteredAt: row.deadLetteredAt.toISOString(),
    replayedAt: row.replayedAt?.toISOString() ?? null,
    replayedBy: row.replayedBy,
  };
}

function detailOf(row: DeadLetterRow): DeadLetter {
  const value = row.messageValue ? Buffer.from(row.messageValue).toString('utf8') : null;
  const detail: DeadLetter = {
    ...summaryOf(row),
    headers: headersOf(row),
    value,
  };
  const message = value === null ? undefined : parsedJson(value);
  return message === undefined ? detail : { ...detail, message };
}

function headersOf(row: Pick<DeadLetterRow, 'headers'>): Record<string, string> {
  return row.headers as Record<string, string>;
}

function bufferOf(bytes: Uint8Array | null): Buffer | null {
  return bytes ? Buffer.from(bytes) : null;
}

/** The value as JSON, or undefined when it is not JSON (an unparseable message is shown as text only). */
function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON: the dead letter's `value` shows the text as it came.
    return undefined;
  }
}
