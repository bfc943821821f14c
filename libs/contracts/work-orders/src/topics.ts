/** Topics the work-orders service owns. */
export const WorkOrderTopics = {
  /**
   * The public, versioned stream of work-order lifecycle events for other domains,
   * keyed by work-order id so each order's events arrive in order.
   */
  events: 'work-orders.events',
} as const;
