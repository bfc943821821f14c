import type { WorkOrdersTransaction } from '../persistence/work-orders-database';

/** The order's held reservations as the public events describe them: a line, its SKU and its bins. */
export async function heldReservations(tx: WorkOrdersTransaction, workOrderId: string) {
  const held = await tx.workOrderReservation.findMany({ where: { workOrderId, status: 'HELD' }, orderBy: { sku: 'asc' } });
  return held.map((reservation) => ({
    lineId: reservation.lineId,
    sku: reservation.sku,
    quantity: reservation.quantity,
    allocations: reservation.allocations as { locationCode: string; quantity: number }[],
  }));
}
