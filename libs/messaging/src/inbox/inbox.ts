import type { Envelope } from '@wo/contracts/envelope';
import type { SqlExecutor } from '../sql-executor';

/**
 * Records a message id in the inbox inside the caller's transaction.
 * Returns false when the id is already there: a duplicate delivery, to acknowledge and ignore.
 * Because the record commits with the effect, a message is applied exactly once.
 */
export async function claimInbox(tx: SqlExecutor, envelope: Envelope): Promise<boolean> {
  const inserted = await tx.$executeRawUnsafe(
    `INSERT INTO inbox_message (message_id, type) VALUES ($1, $2) ON CONFLICT (message_id) DO NOTHING`,
    envelope.id,
    envelope.type,
  );
  return inserted === 1;
}
