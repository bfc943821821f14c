import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { PickingList } from '@wo/contracts/rest';
import type { ReactNode } from 'react';
import { formatDate, formatDateTime } from '../../../components/ui/format';
import { PickingListStatusBadge, pickingListLabel } from '../status';
import { PickingListActions } from './picking-list-actions';
import { PickingProgress } from './picking-lists-table';
import { WorkOrderLink } from './work-order-link';
import { Fact } from '../../../components/ui/fact';

/** What the operator does next, where the list itself offers no action. */
const statusHint: Partial<Record<PickingList['status'], string>> = {
  DONE: 'Picking is done: its work orders can now be completed from their detail pages.',
  CANCELED: 'This list was canceled: its materials are back on Material Picking, ready for a new list.',
};

/**
 * A picking list: who picks it, how far, and its stops in walking order (as the API orders them),
 * each with the lot to take there when the material is lot-tracked (allocation chose it: earliest expiry first).
 */
export function PickingListDetail({ list }: { list: PickingList }) {
  const lines = [...list.lines].sort((a, b) => a.position - b.position);
  const withLots = lines.some((line) => line.lot);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} ff="monospace">
              {pickingListLabel(list.id)}
            </Title>
            <PickingListStatusBadge status={list.status} />
          </Group>
          <Text size="sm" c="dimmed">
            Picking list · {list.workOrderIds.length} {list.workOrderIds.length === 1 ? 'work order' : 'work orders'} · {lines.length}{' '}
            {lines.length === 1 ? 'stop' : 'stops'}
          </Text>
          {statusHint[list.status] ? <Text size="sm">{statusHint[list.status]}</Text> : null}
        </Stack>
        <PickingListActions list={list} />
      </Group>

      <Paper withBorder radius="md" p="sm">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Fact label="Picker">{list.picker ?? 'Not started'}</Fact>
          <Fact label="Progress">
            <PickingProgress progress={list.progress} />
          </Fact>
          <Fact label="Created">{formatDateTime(list.createdAt)}</Fact>
          <Fact label="Updated">{formatDateTime(list.updatedAt)}</Fact>
        </SimpleGrid>
        <Group gap="xs" mt="sm">
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            Work Orders
          </Text>
          {list.workOrderIds.map((id) => (
            <WorkOrderLink key={id} id={id} withName />
          ))}
        </Group>
      </Paper>

      <Title order={4}>Stops in walking order</Title>
      <Table.ScrollContainer minWidth={560}>
        <Table striped verticalSpacing="xs" aria-label="Picking list lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48}>#</Table.Th>
              <Table.Th>Location</Table.Th>
              <Table.Th>SKU</Table.Th>
              {withLots ? <Table.Th>Lot</Table.Th> : null}
              {withLots ? <Table.Th>Expires On</Table.Th> : null}
              <Table.Th ta="right">Quantity</Table.Th>
              <Table.Th>Work Order</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => (
              <Table.Tr key={`${line.position}-${line.lineId}`}>
                <Table.Td c="dimmed">{line.position + 1}</Table.Td>
                <Table.Td fw={600} ff="monospace">
                  {line.locationCode}
                </Table.Td>
                <Table.Td ff="monospace">{line.sku}</Table.Td>
                {withLots ? (
                  <Table.Td ff="monospace" fw={600}>
                    {line.lot ?? '—'}
                  </Table.Td>
                ) : null}
                {withLots ? <Table.Td>{formatDate(line.expiresOn)}</Table.Td> : null}
                <Table.Td ta="right">{list.status === 'DONE' || line.picked > 0 ? `${line.picked} / ${line.quantity}` : line.quantity}</Table.Td>
                <Table.Td>
                  <WorkOrderLink id={line.workOrderId} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
