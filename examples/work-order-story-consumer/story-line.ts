/** What this consumer reads of an event: the envelope fields the JSON Schemas guarantee. */
export interface WorkOrderEvent {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  payload: { number: string; [field: string]: unknown };
}

type Line = { sku: string; quantity: number };
const lines = (value: unknown) => (value as Line[]).map((line) => `${line.quantity} x ${line.sku}`).join(', ');

/** One plain line of a work order's story. */
export function storyLine({ type, occurredAt, payload }: WorkOrderEvent): string {
  const what = (() => {
    switch (type) {
      case 'work-orders.WorkOrderCreated':
        return `created "${String(payload['name'])}": makes ${lines(payload['outputs'])} from ${lines(payload['materials'])}`;
      case 'work-orders.WorkOrderConfirmed':
        return 'confirmed; allocating';
      case 'work-orders.WorkOrderAllocated':
        return `allocated: ${(payload['materials'] as { sku: string; allocations: { locationCode: string; quantity: number }[] }[]).map((line) => `${line.sku} at ${line.allocations.map((bin) => `${bin.locationCode} (${bin.quantity})`).join(' + ')}`).join(', ')}`;
      case 'work-orders.WorkOrderOutOfStock':
        return `out of stock: ${(payload['shortages'] as { sku: string; requested: number; available: number }[]).map((short) => `${short.sku} ${short.available}/${short.requested}`).join(', ')}`;
      case 'work-orders.WorkOrderProcessing':
        return `on picking list ${String(payload['pickingListId'])}`;
      case 'work-orders.WorkOrderCompleted':
        return `completed: ${lines(payload['outputs'])} expected by inbound order ${String(payload['inboundOrderId'])}`;
      case 'work-orders.WorkOrderCanceled':
        return 'canceled';
      default:
        return type;
    }
  })();
  return `${occurredAt} ${payload.number} ${what}`;
}
