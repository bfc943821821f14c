/** Topics the inventory service owns. Logical names: the messaging layer adds the deployment's prefix. */
export const InventoryTopics = {
  /**
   * Commands to reserve, release and consume stock. A release or consume is keyed by
   * `warehouseId:sku` (`stockKey`), a reservation of a whole order (ReserveStock v2) by the
   * work-order id (`reservationKey`): stock is safe whatever the partition (a transaction locks the
   * bins it touches, in one global order), and a release that overtakes its reserve leaves a
   * tombstone the reserve then respects.
   */
  stockCommands: 'inventory.stock-commands',
  /** Outcomes of stock commands, keyed by the saga (correlation) id. */
  stockReplies: 'inventory.stock-replies',
  /**
   * Answers to putaways, for inbound (a putaway inventory cannot shelve is refused here), keyed by
   * the inbound-order id. Apart from the saga replies: work orders dead-letter what they do not know.
   */
  putawayReplies: 'inventory.putaway-replies',
  /**
   * Facts about stock levels for other services (stock that became available), keyed by
   * `warehouseId:sku` so the facts about one SKU stay in order.
   */
  stockEvents: 'inventory.stock-events',
  /** Public facts about merchants, warehouses and products, keyed by the entity id. */
  referenceData: 'inventory.reference-data',
} as const;

/** Partition key of a stock command: one warehouse's SKU. */
export function stockKey(warehouseId: string, sku: string): string {
  return `${warehouseId}:${sku}`;
}

/** Partition key of a work order's ReserveStock (v2): the order, so one order's commands stay in order. */
export function reservationKey(workOrderId: string): string {
  return workOrderId;
}
