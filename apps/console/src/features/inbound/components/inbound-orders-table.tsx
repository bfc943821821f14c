import { Anchor, Badge, Group, Table } from '@mantine/core';
import type { InboundOrder } from '@wo/contracts/rest';
import { Link } from 'react-router';
import { formatDateTime } from '../../../components/ui/format';
import { InboundStatusBadge, inboundOrderLabel } from '../status';

const total = (order: InboundOrder, field: 'expected' | 'received' | 'putAway') => order.lines.reduce((sum, line) => sum + line[field], 0);

/** A putaway inventory refused whose goods still wait to go elsewhere: the receiver finds the order from the list. */
const hasRefusedPutaway = (order: InboundOrder) => order.status !== 'PUT_AWAY' && order.putaways.some((putaway) => putaway.refused);

export function InboundOrdersTable({ orders }: { orders: readonly InboundOrder[] }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Inbound Order</Table.Th>
            <Table.Th>Work Order</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Expected</Table.Th>
            <Table.Th ta="right">Received</Table.Th>
            <Table.Th ta="right">Put Away</Table.Th>
            <Table.Th>Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orders.map((order) => (
            <Table.Tr key={order.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/inbound-orders/${order.id}`} fw={600} ff="monospace" size="sm">
                  {inboundOrderLabel(order.id)}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {order.workOrderId ? (
                  <Anchor component={Link} to={`/work-orders/${order.workOrderId}`} size="sm">
                    {order.reference}
                  </Anchor>
                ) : (
                  order.reference
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Group gap={6} wrap="nowrap">
                  <InboundStatusBadge status={order.status} />
                  {hasRefusedPutaway(order) ? (
                    <Badge color="orange" variant="outline" radius="sm">
                      Putaway refused
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td ta="right">{total(order, 'expected')}</Table.Td>
              <Table.Td ta="right">{total(order, 'received')}</Table.Td>
              <Table.Td ta="right">{total(order, 'putAway')}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(order.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
