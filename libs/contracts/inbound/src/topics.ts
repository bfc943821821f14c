/** Topics the inbound service owns. */
export const InboundTopics = {
  /** Commands to inbound, keyed by the source (work-order) id. */
  commands: 'inbound.commands',
  /** Outcomes of inbound commands, keyed by the saga (correlation) id. */
  replies: 'inbound.replies',
  /** Progress of inbound orders, keyed by inbound-order id. */
  events: 'inbound.events',
} as const;
