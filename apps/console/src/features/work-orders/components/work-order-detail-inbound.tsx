import { Anchor, Badge, Group, Progress, Stack, Table, Text } from '@mantine/core';
import type { InboundStatus, WorkOrderDetail } from '@wo/contracts/rest';
import { Link } from 'react-router';
import { formatDate } from '../../../components/ui/format';
import { useMayRead } from '../../auth/permissions';
import { LotLink } from '../../lots/components/lot-link';
import { WorkOrderDetailSection } from './work-order-detail-section';

const inboundStatusLabels: Record<InboundStatus, string> = { PENDING: 'Pending', RECEIVING: 'Receiving', RECEIVED: 'Received', PUT_AWAY: 'Put Away' };
const inboundStatusColors: Record<InboundStatus, string> = { PENDING: 'gray', RECEIVING: 'orange', RECEIVED: 'blue', PUT_AWAY: 'green' };

type InboundSummary = NonNullable<WorkOrderDetail['inboundOrder']>;

/** A share as a whole percentage, 0 when nothing is expected. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.min(100, Math.round((part / whole) * 100)) : 0;
}

/**
 * The finished-goods inbound order made at completion (guide FAQ "Where are finished goods
 * stored?"): its status and, per SKU, its finished lot (opening the lot's trace), and how much was
 * received and put away of what is expected.
 */
export function WorkOrderDetailInbound({ merchantId, inboundOrder }: { merchantId: string; inboundOrder: InboundSummary }) {
  const withLots = inboundOrder.lines.some((line) => line.lot);
  const mayOpen = useMayRead()('getInboundOrder');
  return (
    <WorkOrderDetailSection title="Finished-goods inbound order">
      <Group gap="sm" wrap="wrap">
        {mayOpen ? (
          <Anchor component={Link} to={`/inbound-orders/${encodeURIComponent(inboundOrder.id)}`} size="sm">
            Open the inbound order
          </Anchor>
        ) : null}
        {inboundOrder.status ? (
          <Badge color={inboundStatusColors[inboundOrder.status]} variant="light" radius="sm">
            {inboundStatusLabels[inboundOrder.status]}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            Inbound has not reported on it yet.
          </Text>
        )}
      </Group>
      {inboundOrder.lines.length > 0 ? (
        <Table.ScrollContainer minWidth={520}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>SKU</Table.Th>
                {withLots ? <Table.Th>Lot</Table.Th> : null}
                {withLots ? <Table.Th>Expires On</Table.Th> : null}
                <Table.Th ta="right">Expected</Table.Th>
                <Table.Th>Received</Table.Th>
                <Table.Th>Put Away</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {inboundOrder.lines.map((line) => (
                <Table.Tr key={line.sku}>
                  <Table.Td ff="monospace">{line.sku}</Table.Td>
                  {withLots ? <Table.Td>{line.lot ? <LotLink merchantId={merchantId} sku={line.sku} lot={line.lot} direction="down" /> : '—'}</Table.Td> : null}
                  {withLots ? <Table.Td>{formatDate(line.expiresOn)}</Table.Td> : null}
                  <Table.Td ta="right">{line.expected}</Table.Td>
                  <Table.Td>
                    <Share label={`${line.sku} received`} part={line.received} whole={line.expected} color="blue" />
                  </Table.Td>
                  <Table.Td>
                    <Share label={`${line.sku} put away`} part={line.putAway} whole={line.expected} color="green" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </WorkOrderDetailSection>
  );
}

function Share({ label, part, whole, color }: { label: string; part: number; whole: number; color: string }) {
  return (
    <Stack gap={4} miw={120}>
      <Text size="sm">
        {part} of {whole}
      </Text>
      <Progress value={percentOf(part, whole)} color={color} size="sm" aria-label={label} />
    </Stack>
  );
}
