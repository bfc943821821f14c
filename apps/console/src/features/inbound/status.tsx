import { Badge } from '@mantine/core';
import { inboundStatuses, type InboundStatus } from '@wo/contracts/rest';

/** An inbound order's progress in the operator's words. */
export const inboundStatusLabels: Record<InboundStatus, string> = {
  PENDING: 'Pending',
  RECEIVING: 'Receiving',
  RECEIVED: 'Received',
  PUT_AWAY: 'Put Away',
};

const statusColors: Record<InboundStatus, string> = { PENDING: 'gray', RECEIVING: 'orange', RECEIVED: 'blue', PUT_AWAY: 'green' };

export const inboundStatusOptions = inboundStatuses.map((status) => ({ value: status, label: inboundStatusLabels[status] }));

export function isInboundStatus(value: string | null | undefined): value is InboundStatus {
  return inboundStatuses.some((status) => status === value);
}

export function InboundStatusBadge({ status }: { status: InboundStatus }) {
  return (
    <Badge color={statusColors[status]} variant="light" radius="sm" styles={{ label: { overflow: 'visible' } }}>
      {inboundStatusLabels[status]}
    </Badge>
  );
}

/** Inbound orders have no number of their own: a short, stable label from the id. */
export function inboundOrderLabel(id: string): string {
  return `IN-${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}
