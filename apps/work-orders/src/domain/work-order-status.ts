/**
 * The statuses and pending actions are part of the REST contract, which is their one definition:
 * the domain speaks the same codes it stores and sends.
 */
export { PendingAction, WorkOrderStatus, workOrderStatuses } from '@wo/contracts/rest';
