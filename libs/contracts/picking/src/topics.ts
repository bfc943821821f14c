/** Topics the picking service owns. */
export const PickingTopics = {
  /** Commands to picking (from the work-order orchestrator), keyed by picking-list id. */
  commands: 'picking.commands',
  /** What happens to picking lists, keyed by picking-list id. */
  events: 'picking.events',
} as const;
