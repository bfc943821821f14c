import { heldReservationsOf, type SqlTransaction } from '../persistence/work-orders-database';

/** The order's held reservations as the public events describe them: a line, its SKU and its bins. */
export async function heldReservations(tx: SqlTransaction, workOrderId: string) {
  const held = await heldReservationsOf(tx, workOrderId);
  return held.map(({ lineId, sku, quantity, allocations }) => ({ lineId, sku, quantity, allocations }));
}
