import type { SagaCounts } from '@wo/observability';
import type { Pool } from 'pg';

/** Unfinished sagas by type and state, for the in-flight and stuck gauges: one grouped read that skips the finished rows. */
export async function countUnfinishedSagas(pool: Pool): Promise<SagaCounts> {
  const { rows } = await pool.query<{ type: string; state: string; count: number }>(
    `SELECT type, state, count(*)::int AS count FROM saga_instance WHERE state IN ('RUNNING', 'STUCK') GROUP BY type, state`,
  );
  return rows;
}
