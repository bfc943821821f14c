import { Badge, Group, Loader } from '@mantine/core';
import type { PendingAction, WorkOrderStatus } from '@wo/contracts/rest';

/** The guide's words for each status, as the list, the filter and the detail page show them. */
export const workOrderStatusLabels: Record<WorkOrderStatus, string> = {
  DRAFT: 'Draft',
  OUT_OF_STOCK: 'Out of Stock',
  ALLOCATED: 'Allocated',
  PROCESSING: 'Processing',
  COMPLETED: 'Completed',
  CANCELED: 'Canceled',
};

const statusColors: Record<WorkOrderStatus, string> = {
  DRAFT: 'gray',
  OUT_OF_STOCK: 'red',
  ALLOCATED: 'blue',
  PROCESSING: 'orange',
  COMPLETED: 'green',
  CANCELED: 'dark',
};

/** What a saga step in flight is called while the page waits for it. */
export const pendingActionLabels: Record<PendingAction, string> = {
  allocating: 'Allocating…',
  releasing: 'Releasing…',
  completing: 'Completing…',
};

export function WorkOrderStatusBadge({ status, pendingAction }: { status: WorkOrderStatus; pendingAction?: PendingAction | null }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Badge color={statusColors[status]} variant="light" radius="sm">
        {workOrderStatusLabels[status]}
      </Badge>
      {pendingAction ? (
        <Badge color="yellow" variant="outline" radius="sm" leftSection={<Loader size={10} color="yellow" />}>
          {pendingActionLabels[pendingAction]}
        </Badge>
      ) : null}
    </Group>
  );
}
