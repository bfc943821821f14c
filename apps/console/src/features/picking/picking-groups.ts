import type { Allocation, PickingRequest } from '@wo/contracts/rest';

export interface PickingGroupLine {
  readonly lineId: string;
  readonly sku: string;
  readonly quantity: number;
  /** Where the reserved stock sits, e.g. "A-01 × 2, B-01 × 1", in bin order. */
  readonly locations: string;
}

/** One work order's card on Material Picking. */
export interface PickingGroup {
  readonly workOrderId: string;
  readonly workOrderNumber: string;
  readonly lines: readonly PickingGroupLine[];
  readonly totalQuantity: number;
}

/**
 * Groups picking requests by work order (the API may send an order more than once if its lines
 * arrive apart), orders by work order number, and lines by SKU, so the screen reads like the shelf.
 */
export function groupRequestsByWorkOrder(requests: readonly PickingRequest[]): PickingGroup[] {
  const byOrder = new Map<string, { workOrderId: string; workOrderNumber: string; lines: PickingGroupLine[] }>();
  for (const request of requests) {
    const group = byOrder.get(request.workOrderId) ?? { workOrderId: request.workOrderId, workOrderNumber: request.workOrderNumber, lines: [] };
    for (const material of request.materials)
      group.lines.push({ lineId: material.lineId, sku: material.sku, quantity: material.quantity, locations: describeAllocations(material.allocations) });
    byOrder.set(request.workOrderId, group);
  }
  return [...byOrder.values()]
    .map((group) => ({
      ...group,
      lines: [...group.lines].sort((a, b) => a.sku.localeCompare(b.sku)),
      totalQuantity: group.lines.reduce((sum, line) => sum + line.quantity, 0),
    }))
    .sort((a, b) => a.workOrderNumber.localeCompare(b.workOrderNumber));
}

/** "A-01 × 2, A-02 × 4 (lot HNY-1)": where a material is held, and the lot there when it is lot-tracked. */
export function describeAllocations(allocations: readonly Allocation[]): string {
  if (allocations.length === 0) return '—';
  return [...allocations]
    .sort((a, b) => a.locationCode.localeCompare(b.locationCode))
    .map((allocation) => `${allocation.locationCode} × ${allocation.quantity}${allocation.lot ? ` (lot ${allocation.lot})` : ''}`)
    .join(', ');
}
