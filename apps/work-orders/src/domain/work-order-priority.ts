import { workOrderPriorities, type WorkOrderPriority } from '@wo/contracts/rest';

/**
 * A priority is stored as its rank, 1 (Low) to 4 (Urgent), so that SQL orders by it as it should;
 * the API and the events speak its name.
 */
export function rankOf(priority: WorkOrderPriority): number {
  return workOrderPriorities.indexOf(priority) + 1;
}

export function priorityOf(rank: number): WorkOrderPriority {
  const priority = workOrderPriorities[rank - 1];
  if (!priority) throw new Error(`no priority of rank ${rank}`);
  return priority;
}
