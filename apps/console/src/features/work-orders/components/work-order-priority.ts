import { WorkOrderPriority, workOrderPriorities } from '@wo/contracts/rest';

/** The screen's word for each priority. */
export const priorityLabels: Record<WorkOrderPriority, string> = {
  [WorkOrderPriority.Low]: 'Low',
  [WorkOrderPriority.Normal]: 'Normal',
  [WorkOrderPriority.High]: 'High',
  [WorkOrderPriority.Urgent]: 'Urgent',
};

/** Most urgent first, as a Select lists them. */
export const priorityOptions = [...workOrderPriorities].reverse().map((value) => ({ value, label: priorityLabels[value] }));
