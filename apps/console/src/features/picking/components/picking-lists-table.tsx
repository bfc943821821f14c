import { Anchor, Group, Progress, Table, Text } from '@mantine/core';
import type { PickingList } from '@wo/contracts/rest';
import { Link } from 'react-router';
import { formatDateTime } from '../../../components/ui/format';
import { PickingListStatusBadge, pickingListLabel } from '../status';
import { WorkOrderLink } from './work-order-link';

export function PickingListsTable({ lists }: { lists: readonly PickingList[] }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Picking List</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Work Orders</Table.Th>
            <Table.Th>Picker</Table.Th>
            <Table.Th>Progress</Table.Th>
            <Table.Th>Updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lists.map((list) => (
            <Table.Tr key={list.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/picking-lists/${list.id}`} fw={600} ff="monospace" size="sm">
                  {pickingListLabel(list.id)}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <PickingListStatusBadge status={list.status} />
              </Table.Td>
              <Table.Td>
                <Group gap={8} maw={260} style={{ whiteSpace: 'nowrap' }}>
                  {list.workOrderIds.map((id) => (
                    <WorkOrderLink key={id} id={id} />
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                {list.picker ?? (
                  <Text span c="dimmed" size="sm">
                    Not started
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <PickingProgress progress={list.progress} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(list.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function PickingProgress({ progress }: { progress: PickingList['progress'] }) {
  const percent = progress.total === 0 ? 0 : Math.round((progress.picked / progress.total) * 100);
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={percent} w={64} aria-label={`Picked ${progress.picked} of ${progress.total}`} color={percent === 100 ? 'green' : 'blue'} />
      <Text size="xs" c="dimmed">
        {progress.picked}/{progress.total}
      </Text>
    </Group>
  );
}
