import type { Envelope } from '@wo/contracts/envelope';
import type { SqlExecutor } from '@wo/database';

/**
 * Records a message id in the inbox inside the caller's transaction.
 * Returns false when the id is already there: a duplicate delivery, to acknowledge and ignore.
 * Because the record commits with the effect, a message is applied exactly once.
 */
export async function claimInbox(tx: SqlExecutor, envelope: Envelope): Promise<boolean> {
  return (await claimInboxMany(tx, [envelope])).length === 1;
}

/**
 * The batch form of `claimInbox`, in one statement: returns the messages not seen before, in
 * their order, each once (a copy delivered twice within the batch counts as a duplicate too).
 */
export async function claimInboxMany<E extends Envelope>(tx: SqlExecutor, envelopes: readonly E[]): Promise<E[]> {
  if (envelopes.length === 0) return [];
  const claimed = await tx.$queryRawUnsafe<{ message_id: string }[]>(
    `INSERT INTO inbox_message (message_id, type) SELECT * FROM unnest($1::text[], $2::text[])
      ON CONFLICT (message_id) DO NOTHING RETURNING message_id`,
    envelopes.map((envelope) => envelope.id),
    envelopes.map((envelope) => envelope.type),
  );
  const fresh = new Set(claimed.map((row) => row.message_id));
  return envelopes.filter((envelope) => fresh.delete(envelope.id));
}

/** A database that runs a function in one transaction (a Prisma client is one). */
export interface TransactionalDatabase<Tx extends SqlExecutor> {
  $transaction<R>(work: (tx: Tx) => Promise<R>): Promise<R>;
}

/**
 * Applies a consumed message's effect exactly once: the inbox claim and the effect share one
 * transaction; a message already applied answers 'duplicate' and changes nothing.
 */
export function applyOnce<Tx extends SqlExecutor, R>(
  db: TransactionalDatabase<Tx>,
  envelope: Envelope,
  apply: (tx: Tx) => Promise<R>,
): Promise<R | 'duplicate'> {
  return db.$transaction(async (tx) => ((await claimInbox(tx, envelope)) ? apply(tx) : 'duplicate'));
}
