import { Badge } from '@mantine/core';
import { pickingListStatuses, type PickingListStatus } from '@wo/contracts/rest';

/** The words the Picking Lists screen uses for each status (its filter and its badges). */
export const pickingListStatusLabels: Record<PickingListStatus, string> = {
  CREATED: 'Created',
  IN_PROGRESS: 'In Progress',
  DONE: 'Done',
  CANCELED: 'Canceled',
};

const statusColors: Record<PickingListStatus, string> = { CREATED: 'blue', IN_PROGRESS: 'orange', DONE: 'green', CANCELED: 'dark' };

export const pickingListStatusOptions = pickingListStatuses.map((status) => ({ value: status, label: pickingListStatusLabels[status] }));

export function isPickingListStatus(value: string | null | undefined): value is PickingListStatus {
  return pickingListStatuses.some((status) => status === value);
}

export function PickingListStatusBadge({ status }: { status: PickingListStatus }) {
  return (
    <Badge color={statusColors[status]} variant="light" radius="sm" styles={{ label: { overflow: 'visible' } }}>
      {pickingListStatusLabels[status]}
    </Badge>
  );
}

/** Lists have no number of their own: a short, stable label from the id reads better than a UUID. */
export function pickingListLabel(id: string): string {
  return `PL-${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}
