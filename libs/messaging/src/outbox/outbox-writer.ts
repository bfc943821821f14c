import type { OutgoingMessage } from '@wo/contracts/envelope';
import type { SqlExecutor } from '@wo/database';
import { tracingEnabled } from '@wo/observability';
import { endOutboxWrite, traceOutboxWrite } from './outbox-tracing';

/** Postgres channel the relay listens on; NOTIFY is delivered when the transaction commits. */
export const OUTBOX_CHANNEL = 'outbox_message_added';

/**
 * Adds messages to the outbox inside the caller's transaction. They reach Kafka only if the
 * transaction commits, and then surely: the relay publishes them.
 */
export async function appendToOutbox(tx: SqlExecutor, messages: readonly OutgoingMessage[]): Promise<void> {
  if (messages.length === 0) return;
  if (!tracingEnabled()) return insertIntoOutbox(tx, messages);
  const write = traceOutboxWrite(messages);
  try {
    await insertIntoOutbox(tx, write.messages);
    endOutboxWrite(write.spans);
  } catch (error) {
    endOutboxWrite(write.spans, error);
    throw error;
  }
}

async function insertIntoOutbox(tx: SqlExecutor, messages: readonly OutgoingMessage[]): Promise<void> {
  // One statement of fixed text (prepared once per connection): the insert, in the given order
  // (ids, hence publishing order, follow it), and the wake-up of the relay, delivered at commit.
  await tx.$executeRawUnsafe(
    `WITH added AS (
       INSERT INTO outbox_message (message_id, topic, key, type, envelope)
       SELECT m.message_id, m.topic, m.key, m.type, m.envelope::jsonb
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS m(message_id, topic, key, type, envelope, position)
        ORDER BY m.position
       RETURNING 1)
     SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM (SELECT 1 FROM added LIMIT 1) AS any_added`,
    messages.map((message) => message.envelope.id),
    messages.map((message) => message.topic),
    messages.map((message) => message.envelope.key),
    messages.map((message) => message.envelope.type),
    messages.map((message) => JSON.stringify(message.envelope)),
  );
}
