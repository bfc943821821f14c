import type { MessageDefinition } from '@wo/contracts/envelope';
import * as inbound from '@wo/contracts/inbound';
import * as inventory from '@wo/contracts/inventory';
import * as picking from '@wo/contracts/picking';
import * as workOrders from '@wo/contracts/work-orders';
import type { z } from 'zod';

export type AnyDefinition = MessageDefinition<string, z.ZodType>;

/** What a topic carries, which decides who may rely on it and how its key is chosen. */
export type TopicKind = 'public events' | 'events' | 'commands' | 'replies' | 'reference data';

export interface OwnedTopic {
  readonly address: string;
  readonly owner: 'work-orders' | 'inventory' | 'picking' | 'inbound';
  readonly kind: TopicKind;
  readonly key: string;
  readonly description: string;
}

/** Every topic the platform owns (each also has a `<topic>.dead-letter` twin), as the producers' contracts name them. */
export const ownedTopics: readonly OwnedTopic[] = [
  {
    address: workOrders.WorkOrderTopics.events,
    owner: 'work-orders',
    kind: 'public events',
    key: 'the work-order id',
    description: 'The public, versioned lifecycle of work orders for other domains (docs/events.md).',
  },
  {
    address: inventory.InventoryTopics.stockCommands,
    owner: 'inventory',
    kind: 'commands',
    key: 'the work-order id for ReserveStock v2 (one per order); `warehouseId:sku` for the others (and ReserveStock v1)',
    description:
      'Reserve (ReserveStock v2: every material line of one work order in one command, all or nothing), release and consume stock; put away finished goods. Upgrade inventory before work-orders: inventory reads ReserveStock v1 and v2 and answers a v1 command in v1, one reply per line.',
  },
  {
    address: inventory.InventoryTopics.stockReplies,
    owner: 'inventory',
    kind: 'replies',
    key: 'the saga (correlation) id',
    description:
      'Outcomes of stock commands, for the work-order sagas: one StockReserved or StockReservationRejected (v2) per order, with every line; v1 (one line) is still read, upcast to v2.',
  },
  {
    address: inventory.InventoryTopics.putawayReplies,
    owner: 'inventory',
    kind: 'replies',
    key: 'the inbound-order id',
    description: 'Putaways inventory could not shelve (the bin cannot hold them, or is unknown), for inbound to reopen.',
  },
  {
    address: inventory.InventoryTopics.stockEvents,
    owner: 'inventory',
    kind: 'events',
    key: '`warehouseId:sku`',
    description: 'Stock that became available (restock, putaway, release), for the automatic re-allocation of waiting work orders.',
  },
  {
    address: inventory.InventoryTopics.referenceData,
    owner: 'inventory',
    kind: 'reference data',
    key: 'the entity id',
    description: 'Merchants, warehouses, locations and products as inventory registers them.',
  },
  {
    address: picking.PickingTopics.commands,
    owner: 'picking',
    kind: 'commands',
    key: 'the picking-list id',
    description: 'Create or withdraw picking lists (from the work-order orchestrator).',
  },
  { address: picking.PickingTopics.events, owner: 'picking', kind: 'events', key: 'the picking-list id', description: 'What happens to picking lists.' },
  {
    address: inbound.InboundTopics.commands,
    owner: 'inbound',
    kind: 'commands',
    key: 'the source (work-order) id',
    description: 'Expect the finished goods of a completed work order.',
  },
  { address: inbound.InboundTopics.replies, owner: 'inbound', kind: 'replies', key: 'the saga (correlation) id', description: 'Outcomes of inbound commands.' },
  {
    address: inbound.InboundTopics.events,
    owner: 'inbound',
    kind: 'events',
    key: 'the inbound-order id',
    description: 'Progress of inbound orders (receiving, putaway).',
  },
];

/** The dead-letter twin of a topic (the naming `libs/messaging` uses). */
export const deadLetterAddress = (address: string): string => `${address}.dead-letter`;

function isDefinition(value: unknown): value is AnyDefinition {
  const candidate = value as Partial<AnyDefinition> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.type === 'string' &&
    typeof candidate.version === 'number' &&
    typeof candidate.topic === 'string' &&
    candidate.schema !== undefined
  );
}

/** Every message type the producers' contract libraries export, by type. */
export const messageDefinitions: readonly AnyDefinition[] = [workOrders, inventory, picking, inbound]
  .flatMap((module) => Object.values(module).filter(isDefinition))
  .sort((a, b) => a.type.localeCompare(b.type));

/** One version of one message type: the current one, or an older one consumers still accept. */
export interface MessageVersion {
  readonly definition: AnyDefinition;
  readonly version: number;
  readonly payload: z.ZodType;
}

export function messageVersions(): MessageVersion[] {
  return messageDefinitions.flatMap((definition) => [
    ...definition.upcasters.map((upcaster) => ({ definition, version: upcaster.fromVersion, payload: upcaster.schema })),
    { definition, version: definition.version, payload: definition.schema },
  ]);
}
