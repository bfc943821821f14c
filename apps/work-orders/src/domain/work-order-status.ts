/** The six statuses an operator sees. Stored and sent as these codes. */
export const WorkOrderStatus = {
  Draft: 'DRAFT',
  OutOfStock: 'OUT_OF_STOCK',
  Allocated: 'ALLOCATED',
  Processing: 'PROCESSING',
  Completed: 'COMPLETED',
  Canceled: 'CANCELED',
} as const;
export type WorkOrderStatus = (typeof WorkOrderStatus)[keyof typeof WorkOrderStatus];
export const workOrderStatuses = Object.values(WorkOrderStatus) as [WorkOrderStatus, ...WorkOrderStatus[]];

/** A saga step in flight on the order; while set, every other action gets 409. */
export const PendingAction = {
  Allocating: 'allocating',
  Releasing: 'releasing',
  Completing: 'completing',
} as const;
export type PendingAction = (typeof PendingAction)[keyof typeof PendingAction];
