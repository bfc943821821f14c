import type { WorkOrderDetail } from '@wo/contracts/rest';

/** A Draft order as GET /work-orders/{id} answers it, for tests; override what the test is about. */
export function workOrderDetailFixture(overrides: Partial<WorkOrderDetail> = {}): WorkOrderDetail {
  return {
    id: 'wo-1',
    number: 'WO-WH1-00001',
    name: 'Holiday gift sets',
    merchantId: 'merchant-1',
    warehouseId: 'warehouse-1',
    scheduledAt: '2026-12-20T00:00:00.000Z',
    priority: 'NORMAL',
    autoRetry: true,
    status: 'DRAFT',
    pendingAction: null,
    allowedActions: ['edit', 'confirm', 'cancel'],
    blockedActions: [],
    bom: null,
    outputs: [{ id: 'line-out', sku: 'GIFT-SET-HOLIDAY', quantity: 1 }],
    materials: [{ id: 'line-choc', sku: 'CHOC-BAR', quantity: 2 }],
    shortages: [],
    queuePlaces: [],
    reservations: [],
    pickingLists: [],
    inboundOrder: null,
    history: [{ event: 'created', detail: {}, at: '2026-12-01T08:00:00.000Z' }],
    createdAt: '2026-12-01T08:00:00.000Z',
    updatedAt: '2026-12-01T08:00:00.000Z',
    ...overrides,
  };
}
