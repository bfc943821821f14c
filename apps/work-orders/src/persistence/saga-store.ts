import type { AnySagaDefinition, SagaData } from '../saga/saga-definition';
import { sagaOfType } from '../saga/sagas';
import { appendLogLines, type SqlTransaction } from './work-orders-database';

/**
 * Saga instances in `saga_instance` and their step log in `saga_step_log`, in plain SQL that runs
 * in either kind of transaction. The stored JSON is parsed with its definition's schema on read.
 */

export type SagaState = 'RUNNING' | 'FINISHED' | 'STUCK';

/** A saga instance read (and locked) for the rest of the transaction. */
export interface StoredSaga {
  readonly id: string;
  readonly definition: AnySagaDefinition;
  readonly data: SagaData;
  readonly state: SagaState;
  readonly workOrderId: string;
  readonly startedAt: Date;
  readonly stepAttempts: number;
  readonly expiresAt: Date | null;
}

export interface StepLogEntry {
  readonly sagaId: string;
  readonly event: string;
  readonly detail: Record<string, unknown>;
}

interface SagaRow {
  id: string;
  type: string;
  state: string;
  data: unknown;
  work_order_id: string;
  created_at: Date;
  step_attempts: number;
  expires_at: Date | null;
}

const SAGA_COLUMNS = 'id, type, state, data, work_order_id, created_at, step_attempts, expires_at';

/** A new saga row with its first step-log lines, in one statement. */
export async function insertSaga(
  tx: SqlTransaction,
  saga: { type: string; data: SagaData; finishedAt: Date | null; deadlineAt: Date | null; expiresAt: Date; log: readonly Omit<StepLogEntry, 'sagaId'>[] },
): Promise<void> {
  await tx.$executeRawUnsafe(
    `WITH saga AS (
       INSERT INTO saga_instance (id, type, work_order_id, phase, data, state, finished_at, deadline_at, expires_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::timestamptz, $8::timestamptz, $9::timestamptz) RETURNING id)
     INSERT INTO saga_step_log (saga_id, event, detail) SELECT saga.id, log.event, log.detail::jsonb FROM saga, unnest($10::text[], $11::text[]) WITH ORDINALITY AS log(event, detail, position) ORDER BY log.position`,
    saga.data.sagaId,
    saga.type,
    saga.data.workOrderId,
    saga.data.phase,
    JSON.stringify(saga.data),
    saga.finishedAt ? 'FINISHED' : 'RUNNING',
    saga.finishedAt,
    saga.deadlineAt,
    saga.expiresAt,
    saga.log.map((line) => line.event),
    saga.log.map((line) => JSON.stringify(line.detail)),
  );
}

/** The sagas with these ids, locked in id order (a fixed order: concurrent runs never deadlock). */
export async function lockSagas(tx: SqlTransaction, ids: readonly string[]): Promise<Map<string, StoredSaga>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.$queryRawUnsafe<SagaRow[]>(`SELECT ${SAGA_COLUMNS} FROM saga_instance WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`, ids);
  return new Map(rows.map((row) => [row.id, storedSaga(row)]));
}

/** Running sagas whose step deadline passed, locked; those another sweeper holds are skipped. */
export async function lockDueSagas(tx: SqlTransaction, limit: number): Promise<StoredSaga[]> {
  const rows = await tx.$queryRawUnsafe<SagaRow[]>(
    `SELECT ${SAGA_COLUMNS} FROM saga_instance WHERE state = 'RUNNING' AND deadline_at <= now() ORDER BY deadline_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
    limit,
  );
  return rows.map(storedSaga);
}

/**
 * The sagas a run of replies changed, in one statement. A new step gets a fresh deadline and its
 * re-sends counted from zero; a partial answer keeps the step's; a finished saga has none.
 */
export async function updateSagas(
  tx: SqlTransaction,
  changes: readonly { id: string; data: SagaData; state: SagaState; newStep: boolean }[],
  now: Date,
  freshDeadline: Date,
): Promise<void> {
  if (changes.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE saga_instance s
        SET phase = u.phase, data = u.data::jsonb, state = u.state, updated_at = $6::timestamptz,
            finished_at = CASE WHEN u.state = 'FINISHED' THEN $6::timestamptz END,
            step_attempts = CASE WHEN u.new_step THEN 0 ELSE s.step_attempts END,
            deadline_at = CASE WHEN u.state = 'FINISHED' THEN NULL WHEN u.new_step THEN $7::timestamptz ELSE s.deadline_at END
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bool[]) AS u(id, phase, data, state, new_step)
      WHERE s.id = u.id`,
    changes.map((change) => change.id),
    changes.map((change) => change.data.phase),
    changes.map((change) => JSON.stringify(change.data)),
    changes.map((change) => change.state),
    changes.map((change) => change.newStep),
    now,
    freshDeadline,
  );
}

/** New deadlines (a re-send, an operator's retry, a saga marked stuck), in one statement; the data stays. */
export async function rescheduleSagas(
  tx: SqlTransaction,
  changes: readonly { id: string; state: SagaState; stepAttempts: number; deadlineAt: Date | null; expiresAt: Date | null }[],
  now: Date,
): Promise<void> {
  if (changes.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE saga_instance s
        SET state = u.state, step_attempts = u.step_attempts, deadline_at = u.deadline_at, expires_at = COALESCE(u.expires_at, s.expires_at), updated_at = $6::timestamptz
       FROM unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[], $5::timestamptz[]) AS u(id, state, step_attempts, deadline_at, expires_at)
      WHERE s.id = u.id`,
    changes.map((change) => change.id),
    changes.map((change) => change.state),
    changes.map((change) => change.stepAttempts),
    changes.map((change) => change.deadlineAt),
    changes.map((change) => change.expiresAt),
    now,
  );
}

/** Step-log lines, in one statement, in their order. */
export function appendSagaLog(tx: SqlTransaction, entries: readonly StepLogEntry[]): Promise<void> {
  return appendLogLines(
    tx,
    { table: 'saga_step_log', ownerColumn: 'saga_id' },
    entries.map(({ sagaId, event, detail }) => ({ ownerId: sagaId, event, detail })),
  );
}

function storedSaga(row: SagaRow): StoredSaga {
  const definition = sagaOfType(row.type);
  return {
    id: row.id,
    definition,
    data: definition.data.parse(row.data),
    state: sagaState(row.state),
    workOrderId: row.work_order_id,
    startedAt: new Date(row.created_at),
    stepAttempts: row.step_attempts,
    expiresAt: row.expires_at === null ? null : new Date(row.expires_at),
  };
}

function sagaState(state: string): SagaState {
  if (state === 'RUNNING' || state === 'FINISHED' || state === 'STUCK') return state;
  throw new Error(`unknown saga state ${state}`);
}
