import type { WorkOrderDetail } from '@wo/contracts/rest';

type HistoryEntry = WorkOrderDetail['history'][number];

/** The work-orders service's history events in the guide's words. */
const eventTitles: Record<string, string> = {
  created: 'Created',
  edited: 'Edited',
  confirmed: 'Confirmed',
  allocationRetried: 'Allocation retried',
  allocationRetriedAutomatically: 'Allocation retried automatically',
  'reallocating after edit': 'Allocation restarted after edit',
  allocated: 'Allocated',
  outOfStock: 'Out of Stock',
  releaseStarted: 'Cancel requested',
  canceled: 'Canceled',
  pickingListRequested: 'Picking list requested',
  processing: 'Processing',
  pickingStarted: 'Picking started',
  pickingDone: 'Picking done',
  pickingListCanceled: 'Picking list canceled',
  completionStarted: 'Completion requested',
  completed: 'Completed',
  inboundPutawayRefused: 'Putaway refused',
};

/** What a known event means, when its detail adds nothing the operator reads. */
const eventMeanings: Record<string, string> = {
  confirmed: 'Reserving the materials.',
  allocationRetried: 'Reserving the materials again.',
  'reallocating after edit': 'Reserving the materials again.',
  allocated: 'All materials reserved.',
  releaseStarted: 'Releasing the reserved materials.',
  pickingListRequested: 'A picking list is being created.',
  processing: 'Picking list created.',
  pickingDone: 'All materials picked.',
  completionStarted: 'Deducting the materials.',
};

/** `pickingListRequested` -> "Picking list requested", for events this console does not know yet. */
export function humanizeEvent(event: string): string {
  const known = eventTitles[event];
  if (known) return known;
  const words = event
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Ids of sagas, lists and messages mean nothing to an operator; they are left out of the words. */
const technicalKeys = new Set(['sagaId', 'listId', 'inboundOrderId', 'bomId', 'messageId', 'correlationId']);

function shortagesText(value: unknown): string | null {
  if (!Array.isArray(value)) return null;
  const parts = value.filter(isRecord).map((shortage) => {
    const requested = Number(shortage['requested']);
    const available = Number(shortage['available']);
    return `${String(shortage['sku'])} short by ${requested - available} (${requested} requested, ${available} available)`;
  });
  return parts.length ? `${parts.join('; ')}.` : null;
}

const stockCauses: Record<string, string> = {
  adjustment: 'was restocked',
  putaway: 'was put away',
  released: 'was released by another work order',
};

/** "CHOC-BAR was restocked: its turn in the queue came." */
function automaticRetryText(trigger: unknown): string {
  if (!isRecord(trigger) || typeof trigger['sku'] !== 'string') return 'Reserving the materials again: stock arrived.';
  const cause = stockCauses[String(trigger['cause'])] ?? 'became available';
  return `${trigger['sku']} ${cause}: its turn in the queue came.`;
}

/** An event's detail summarized in words ("Picked by Pat.", "Changed name, materials."). */
export function summarizeHistoryDetail(entry: HistoryEntry): string | null {
  const detail = entry.detail;
  switch (entry.event) {
    case 'created':
      return typeof detail['sets'] === 'number'
        ? `From a BOM, ${detail['sets']} ${detail['sets'] === 1 ? 'set' : 'sets'}.`
        : detail['bomId']
          ? 'From a BOM.'
          : null;
    case 'edited':
      return Array.isArray(detail['fields']) && detail['fields'].length
        ? `Changed ${detail['fields'].map((field) => humanizeEvent(String(field)).toLowerCase()).join(', ')}.`
        : null;
    case 'outOfStock':
      return shortagesText(detail['shortages']) ?? 'Some materials were short; nothing was reserved.';
    case 'canceled':
      return detail['released'] ? 'Reserved materials released back to inventory.' : null;
    case 'pickingStarted':
      return typeof detail['picker'] === 'string' ? `Picked by ${detail['picker']}.` : null;
    case 'pickingListCanceled':
      return typeof detail['reason'] === 'string' ? `Back to Allocated: ${detail['reason']}.` : 'Back to Allocated.';
    case 'completed':
      return 'Materials deducted; finished-goods inbound order created.';
    case 'allocationRetriedAutomatically':
      return automaticRetryText(detail['trigger']);
    case 'inboundPutawayRefused':
      return `${String(detail['quantity'])} ${String(detail['sku'])} could not go to ${String(detail['locationCode'])}: ${String(detail['reason'])}. To be put away elsewhere.`;
  }
  const known = eventMeanings[entry.event];
  if (known) return known;
  const rest = Object.entries(detail).filter(([key, value]) => !technicalKeys.has(key) && ['string', 'number', 'boolean'].includes(typeof value));
  return rest.length ? `${rest.map(([key, value]) => `${humanizeEvent(key)}: ${String(value)}`).join(', ')}.` : null;
}

/** Who took the action the entry records ("by Pia Planner"), or null for the system's own steps. */
export function historyActorText(entry: HistoryEntry): string | null {
  const actor = entry.detail['actor'];
  if (!isRecord(actor)) return null;
  const name = typeof actor['name'] === 'string' && actor['name'] ? actor['name'] : actor['subject'];
  return typeof name === 'string' && name ? `by ${name}` : null;
}
