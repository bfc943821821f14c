import type { OutgoingMessage } from '@wo/contracts/envelope';
import type { SqlExecutor } from '../sql-executor';

/** Postgres channel the relay listens on; NOTIFY is delivered when the transaction commits. */
export const OUTBOX_CHANNEL = 'outbox_message_added';

/**
 * Adds messages to the outbox inside the caller's transaction. They reach Kafka only if the
 * transaction commits, and then surely: the relay publishes them.
 */
export async function appendToOutbox(tx: SqlExecutor, messages: readonly OutgoingMessage[]): Promise<void> {
  if (messages.length === 0) return;
  const values: unknown[] = [];
  const rows = messages.map((message, index) => {
    const base = index * 5;
    values.push(message.envelope.id, message.topic, message.envelope.key, message.envelope.type, JSON.stringify(message.envelope));
    return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}::jsonb)`;
  });
  // One statement: the insert and the wake-up of the relay (delivered when the transaction commits).
  await tx.$executeRawUnsafe(
    `WITH added AS (INSERT INTO outbox_message (message_id, topic, key, type, envelope) VALUES ${rows.join(', ')} RETURNING 1)
     SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM (SELECT 1 FROM added LIMIT 1) AS any_added`,
    ...values,
  );
}
