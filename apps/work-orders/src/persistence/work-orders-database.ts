import type { SqlExecutor } from '@wo/database';
import type { LocationAllocation } from '@wo/contracts/inventory';
import type { HeldReservation } from '../domain/work-order-lifecycle';
import { PrismaClient, type Prisma, type WorkOrder } from '../generated/prisma/client';

/** The work-orders database, through Prisma on the service's shared pg pool (see prismaDatabaseProvider). */
export class WorkOrdersDatabase extends PrismaClient {}

export type WorkOrdersTransaction = Prisma.TransactionClient;

/** A transaction of either kind: Prisma's, or `SqlDatabase`'s (the hot paths, in plain SQL). */
export type SqlTransaction = SqlExecutor;

/** work_order's columns under the model's field names, for raw reads that give a `WorkOrder`. */
const WORK_ORDER_FIELDS = `id, number, merchant_id AS "merchantId", warehouse_id AS "warehouseId", name, scheduled_at AS "scheduledAt",
  priority, auto_retry AS "autoRetry", status, pending_action AS "pendingAction", bom_id AS "bomId", bom_sets AS "bomSets", shortages,
  inbound_order_id AS "inboundOrderId", inbound_status AS "inboundStatus", inbound_lines AS "inboundLines",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** A locked work order, with the transaction's clock: the `now()` its writes stamp `updated_at` with. */
export type LockedWorkOrder = WorkOrder & { readonly transactionTime: Date };

/**
 * Locks work orders for the rest of the transaction and reads them, in one statement. Several are
 * locked in id order, a fixed order, so that concurrent transactions never wait in a cycle.
 */
export async function lockWorkOrders(tx: SqlTransaction, ids: readonly string[]): Promise<LockedWorkOrder[]> {
  if (ids.length === 0) return [];
  return tx.$queryRawUnsafe<LockedWorkOrder[]>(
    `SELECT ${WORK_ORDER_FIELDS}, now() AS "transactionTime" FROM work_order WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
    [...ids],
  );
}

/** An order's lines of one kind, in their order. */
export function linesOf(tx: SqlTransaction, workOrderId: string, kind: 'OUTPUT' | 'MATERIAL'): Promise<{ id: string; sku: string; quantity: number }[]> {
  return tx.$queryRawUnsafe(`SELECT id, sku, quantity FROM work_order_line WHERE work_order_id = $1 AND kind = $2 ORDER BY position`, workOrderId, kind);
}

/** The lines of one kind of several orders, each order's in their order. */
export async function linesOfMany(
  tx: SqlTransaction,
  workOrderIds: readonly string[],
  kind: 'OUTPUT' | 'MATERIAL',
): Promise<Map<string, { id: string; sku: string; quantity: number }[]>> {
  const rows = await tx.$queryRawUnsafe<{ workOrderId: string; id: string; sku: string; quantity: number }[]>(
    `SELECT work_order_id AS "workOrderId", id, sku, quantity FROM work_order_line WHERE work_order_id = ANY($1::text[]) AND kind = $2 ORDER BY work_order_id, position`,
    [...new Set(workOrderIds)],
    kind,
  );
  const byOrder = new Map<string, { id: string; sku: string; quantity: number }[]>();
  for (const { workOrderId, ...line } of rows) byOrder.set(workOrderId, [...(byOrder.get(workOrderId) ?? []), line]);
  return byOrder;
}

/** An order's held reservations, by SKU. */
export function heldReservationsOf(
  tx: SqlTransaction,
  workOrderId: string,
): Promise<{ reservationId: string; lineId: string; sku: string; quantity: number; allocations: LocationAllocation[] }[]> {
  return tx.$queryRawUnsafe(
    `SELECT reservation_id AS "reservationId", line_id AS "lineId", sku, quantity, allocations FROM work_order_reservation
      WHERE work_order_id = $1 AND status = 'HELD' ORDER BY sku`,
    workOrderId,
  );
}

/**
 * The reservations allocated orders come to hold, in one statement. A record that exists already
 * stays as it is (`decideHeldReservation` ignores a second hold): a reservation id is one attempt's.
 */
export async function holdReservations(tx: SqlTransaction, held: readonly (HeldReservation & { workOrderId: string })[]): Promise<void> {
  if (held.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO work_order_reservation (reservation_id, work_order_id, line_id, sku, quantity, allocations, status)
     SELECT r.reservation_id, r.work_order_id, r.line_id, r.sku, r.quantity, r.allocations::jsonb, 'HELD'
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[]) AS r(reservation_id, work_order_id, line_id, sku, quantity, allocations)
     ON CONFLICT (reservation_id) DO NOTHING`,
    held.map((reservation) => reservation.reservationId),
    held.map((reservation) => reservation.workOrderId),
    held.map((reservation) => reservation.lineId),
    held.map((reservation) => reservation.sku),
    held.map((reservation) => reservation.quantity),
    held.map((reservation) => JSON.stringify(reservation.allocations)),
  );
}

/**
 * Orders' held reservations end, in one statement: `to` is the status each order's records take,
 * `from` the statuses that step may move them from (the guard, from the domain's decision).
 */
export async function endHeldReservations(
  tx: SqlTransaction,
  ends: readonly { workOrderId: string; from: readonly string[]; to: 'RELEASED' | 'CONSUMED' }[],
): Promise<void> {
  if (ends.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE work_order_reservation r SET status = e.status FROM unnest($1::text[], $2::text[], $3::text[]) AS e(work_order_id, status, moves_from)
      WHERE r.work_order_id = e.work_order_id AND r.status = ANY(string_to_array(e.moves_from, ','))`,
    ends.map((end) => end.workOrderId),
    ends.map((end) => end.to),
    ends.map((end) => end.from.join(',')),
  );
}

/**
 * Appends log lines (a work order's history, a saga's step log: both an owner id, an event and a
 * JSON detail) in one statement, keeping their order (their ids follow it).
 */
export async function appendLogLines(
  tx: SqlTransaction,
  log: { table: 'work_order_history'; ownerColumn: 'work_order_id' } | { table: 'saga_step_log'; ownerColumn: 'saga_id' },
  lines: readonly { ownerId: string; event: string; detail: Record<string, unknown> }[],
): Promise<void> {
  if (lines.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO ${log.table} (${log.ownerColumn}, event, detail)
     SELECT line.owner_id, line.event, line.detail::jsonb FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS line(owner_id, event, detail, position)
      ORDER BY line.position`,
    lines.map((line) => line.ownerId),
    lines.map((line) => line.event),
    lines.map((line) => JSON.stringify(line.detail)),
  );
}
