import { Badge } from '@mantine/core';
import { deadLetterStatuses, type DeadLetterStatus } from '@wo/contracts/rest';

/** The words the Dead Letters screen uses for each status (its filter and its badges). */
export const deadLetterStatusLabels: Record<DeadLetterStatus, string> = { DEAD: 'Dead', REPLAYED: 'Replayed' };

export const deadLetterStatusOptions = deadLetterStatuses.map((status) => ({ value: status, label: deadLetterStatusLabels[status] }));

export function isDeadLetterStatus(value: string | null | undefined): value is DeadLetterStatus {
  return deadLetterStatuses.some((status) => status === value);
}

export function DeadLetterStatusBadge({ status }: { status: DeadLetterStatus }) {
  return (
    <Badge color={status === 'DEAD' ? 'red' : 'gray'} variant="light" radius="sm" styles={{ label: { overflow: 'visible' } }}>
      {deadLetterStatusLabels[status]}
    </Badge>
  );
}
