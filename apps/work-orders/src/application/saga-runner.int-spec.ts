import type { Envelope } from '@wo/contracts/envelope';
import { StockReleased, StockReservationRejected, StockReserved } from '@wo/contracts/inventory';
import { SagaMetrics } from '@wo/observability';
import { countSocketWrites, createDatabasePool, freshMigratedDatabase, SqlDatabase } from '@wo/database';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { SagaRunner } from './saga-runner.service';
import { WorkOrderCommands } from './work-order-commands.service';
import { WorkOrderTransitions } from './work-order-transitions';

const postgres = process.env['POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';
const databaseName = `${process.env['DATABASE_PREFIX'] ?? 'wo_'}saga_runner_check`;
const actor = { subject: 'planner-1', name: 'Planner' };

/**
 * The saga runner on a real Postgres, through the confirm and the replies that settle it, with
 * the statements and round trips each transaction costs counted: these are the hot path, and the
 * runner writing its own commands must cost no statement more than handing them back did.
 */
describe('SagaRunner (a confirm and its replies on a real Postgres)', () => {
  let pool: Pool;
  let runner: SagaRunner;
  let commands: WorkOrderCommands;
  const counts = { roundTrips: 0, statements: 0 };

  beforeAll(async () => {
    const url = await freshMigratedDatabase(postgres, databaseName, join(__dirname, '../../prisma/migrations'));
    pool = createDatabasePool(url, { max: 1 });
    // What a transaction costs: each socket write is a round trip, each query a statement.
    countSocketWrites(pool, () => counts.roundTrips++);
    pool.on('connect', (client: PoolClient) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
        if (text && !/^(BEGIN|COMMIT|ROLLBACK)\b/i.test(text.trim())) counts.statements++;
        return query(...args);
      };
    });
    const sql = new SqlDatabase(pool);
    const transitions = new WorkOrderTransitions();
    runner = new SagaRunner(sql, transitions, { stepTimeoutMs: 5_000, maxBackoffMs: 60_000, deadlineMs: 300_000 }, new SagaMetrics(['allocation']));
    // Confirm, retry and cancel use only the plain-SQL transaction, the transitions and the runner.
    commands = new WorkOrderCommands(undefined as never, sql, undefined as never, undefined as never, runner, transitions);
  });

  afterAll(async () => {
    await pool.end();
  });

  async function draftOrder(materials: { sku: string; quantity: number }[]): Promise<string> {
    const id = randomUUID();
    await pool.query(`INSERT INTO work_order (id, number, merchant_id, warehouse_id, name, status) VALUES ($1, $2, 'm-1', 'wh-1', 'Kit', 'DRAFT')`, [
      id,
      `WO-${id.slice(0, 8)}`,
    ]);
    for (const [position, material] of materials.entries()) {
      await pool.query(`INSERT INTO work_order_line (id, work_order_id, kind, position, sku, quantity) VALUES ($1, $2, 'MATERIAL', $3, $4, $5)`, [
        `${id}-l${position}`,
        id,
        position,
        material.sku,
        material.quantity,
      ]);
    }
    return id;
  }

  /** What one call costs: its round trips (socket writes) and the statements it ran. */
  async function counted(work: () => Promise<unknown>): Promise<{ roundTrips: number; statements: number }> {
    counts.roundTrips = 0;
    counts.statements = 0;
    await work();
    return { ...counts };
  }

  const sagaOf = async (workOrderId: string) =>
    (await pool.query<{ id: string; state: string; phase: string }>(`SELECT id, state, phase FROM saga_instance WHERE work_order_id = $1`, [workOrderId]))
      .rows[0]!;
  const outboxTypes = async (correlationId: string) =>
    (await pool.query<{ type: string }>(`SELECT type FROM outbox_message WHERE envelope->>'correlationId' = $1 ORDER BY id`, [correlationId])).rows.map(
      (row) => row.type,
    );
  const orderOf = async (id: string) =>
    (
      await pool.query<{ status: string; pending_action: string | null; shortages: unknown }>(
        `SELECT status, pending_action, shortages FROM work_order WHERE id = $1`,
        [id],
      )
    ).rows[0]!;

  const reservedLine = (sagaId: string, lineId: string, sku: string, quantity: number) => ({
    reservationId: `${sagaId}:${lineId}`,
    lineId,
    sku,
    quantity,
    allocations: [{ locationCode: 'A-01', quantity }],
  });

  /** StockReserved of these lines: of one line, it is a v1 reply as the consumer hands it over (upcast). */
  function reserved(sagaId: string, ...lines: ReturnType<typeof reservedLine>[]): Envelope {
    return StockReserved.create({ lines }, { correlationId: sagaId, key: sagaId });
  }

  it('confirms in two round trips and one outbox insert: the saga, the order and its first commands together', async () => {
    const id = await draftOrder([
      { sku: 'BOX', quantity: 5 },
      { sku: 'SOAP', quantity: 10 },
    ]);
    const cost = await counted(() => commands.confirm(id, actor));
    // The order locked with its lines; the saga row, the order's update, its history line, the outbox.
    expect(cost).toEqual({ roundTrips: 2, statements: 6 });
    const saga = await sagaOf(id);
    expect(saga).toMatchObject({ state: 'RUNNING', phase: 'reserving' });
    expect(await orderOf(id)).toMatchObject({ status: 'DRAFT', pending_action: 'allocating' });
    // One command for the order (ReserveStock v2, both lines in it).
    expect(await outboxTypes(saga.id)).toEqual(['inventory.ReserveStock', 'work-orders.WorkOrderConfirmed']);

    // The one reply: claimed and locked, then the saga, its log, the order and its event.
    const replies = [reserved(saga.id, reservedLine(saga.id, `${id}-l0`, 'BOX', 5), reservedLine(saga.id, `${id}-l1`, 'SOAP', 10))];
    expect(await counted(() => runner.onReplies(replies))).toEqual({ roundTrips: 3, statements: 9 });
    expect(await sagaOf(id)).toMatchObject({ state: 'FINISHED', phase: 'allocated' });
    expect(await orderOf(id)).toMatchObject({ status: 'ALLOCATED', pending_action: null });
    const held = await pool.query(`SELECT sku, status FROM work_order_reservation WHERE work_order_id = $1 ORDER BY sku`, [id]);
    expect(held.rows).toEqual([
      { sku: 'BOX', status: 'HELD' },
      { sku: 'SOAP', status: 'HELD' },
    ]);
    expect((await outboxTypes(saga.id)).slice(2)).toEqual(['work-orders.WorkOrderAllocated']);

    // The same run delivered again changes nothing: the inbox claims none of it.
    expect(await counted(() => runner.onReplies(replies))).toEqual({ roundTrips: 2, statements: 2 });
    expect((await outboxTypes(saga.id)).length).toBe(3);
  });

  it('ends a refused order Out of Stock on its one reply, with no release round', async () => {
    const id = await draftOrder([
      { sku: 'BOX', quantity: 5 },
      { sku: 'SOAP', quantity: 10 },
    ]);
    await commands.confirm(id, actor);
    const saga = await sagaOf(id);
    const refused = StockReservationRejected.create(
      {
        lines: [
          { reservationId: `${saga.id}:${id}-l0`, lineId: `${id}-l0`, sku: 'BOX', requested: 5, available: 8 },
          { reservationId: `${saga.id}:${id}-l1`, lineId: `${id}-l1`, sku: 'SOAP', requested: 10, available: 3 },
        ],
      },
      { correlationId: saga.id, key: saga.id },
    );
    await runner.onReplies([refused]);
    expect(await sagaOf(id)).toMatchObject({ state: 'FINISHED', phase: 'outOfStock' });
    expect(await orderOf(id)).toEqual({ status: 'OUT_OF_STOCK', pending_action: null, shortages: [{ sku: 'SOAP', requested: 10, available: 3 }] });
    expect((await outboxTypes(saga.id)).slice(2)).toEqual(['work-orders.WorkOrderOutOfStock']);
    const steps = await pool.query<{ event: string }>(`SELECT event FROM saga_step_log WHERE saga_id = $1 ORDER BY id`, [saga.id]);
    expect(steps.rows.map((row) => row.event)).toEqual(['started', 'reply', 'finished']);
  });

  it('compensates a short order answered per line (a saga started before ReserveStock v2) and ends Out of Stock holding nothing, logging every step', async () => {
    const id = await draftOrder([
      { sku: 'BOX', quantity: 5 },
      { sku: 'SOAP', quantity: 10 },
    ]);
    await commands.confirm(id, actor);
    const saga = await sagaOf(id);
    const short = StockReservationRejected.create(
      { lines: [{ reservationId: `${saga.id}:${id}-l1`, lineId: `${id}-l1`, sku: 'SOAP', requested: 10, available: 3 }] },
      { correlationId: saga.id, key: saga.id },
    );
    await runner.onReplies([reserved(saga.id, reservedLine(saga.id, `${id}-l0`, 'BOX', 5)), short]);
    expect(await sagaOf(id)).toMatchObject({ state: 'RUNNING', phase: 'compensating' });
    expect((await outboxTypes(saga.id)).slice(2)).toEqual(['inventory.ReleaseStock']);

    const release = StockReleased.create({ reservationId: `${saga.id}:${id}-l0`, sku: 'BOX', quantity: 5 }, { correlationId: saga.id, key: saga.id });
    await runner.onReplies([release]);
    expect(await sagaOf(id)).toMatchObject({ state: 'FINISHED', phase: 'outOfStock' });
    expect(await orderOf(id)).toEqual({ status: 'OUT_OF_STOCK', pending_action: null, shortages: [{ sku: 'SOAP', requested: 10, available: 3 }] });
    expect((await pool.query(`SELECT 1 FROM work_order_reservation WHERE work_order_id = $1`, [id])).rowCount).toBe(0);
    const steps = await pool.query<{ event: string }>(`SELECT event FROM saga_step_log WHERE saga_id = $1 ORDER BY id`, [saga.id]);
    // Each reply is a line of the timeline; the compensation it led to and the end follow it.
    expect(steps.rows.map((row) => row.event)).toEqual(['started', 'reply', 'reply', 'sent', 'reply', 'finished']);
  });

  it('re-sends a step past its deadline, and an operator retry sends it again with a fresh deadline', async () => {
    const id = await draftOrder([{ sku: 'BOX', quantity: 5 }]);
    await commands.confirm(id, actor);
    const saga = await sagaOf(id);
    await pool.query(`UPDATE saga_instance SET deadline_at = now() - interval '1 second' WHERE id = $1`, [saga.id]);
    expect(await runner.resendDue()).toEqual({ resent: 1, stuck: 0 });
    expect(await outboxTypes(saga.id)).toEqual(['inventory.ReserveStock', 'work-orders.WorkOrderConfirmed', 'inventory.ReserveStock']);

    await pool.query(`UPDATE saga_instance SET deadline_at = now() - interval '1 second', expires_at = now() - interval '1 second' WHERE id = $1`, [saga.id]);
    expect(await runner.resendDue()).toEqual({ resent: 0, stuck: 1 });
    expect(await sagaOf(id)).toMatchObject({ state: 'STUCK' });

    expect(await runner.retry(saga.id)).toBe('retried');
    expect(await sagaOf(id)).toMatchObject({ state: 'RUNNING' });
    expect((await outboxTypes(saga.id)).at(-1)).toBe('inventory.ReserveStock');
    const steps = await pool.query<{ event: string }>(`SELECT event FROM saga_step_log WHERE saga_id = $1 ORDER BY id`, [saga.id]);
    expect(steps.rows.map((row) => row.event)).toEqual(['started', 'resent', 'stuck', 'retried']);
    expect(await runner.retry(randomUUID())).toBe('unknown');
  });
});
