import { Anchor, Table, Text } from '@mantine/core';
import type { WorkOrderDetail } from '@wo/contracts/rest';
import { Link } from 'react-router';
import { formatDateTime } from '../../../components/ui/format';
import { PickingListStatusBadge, pickingListLabel } from '../../picking/status';
import { WorkOrderDetailSection } from './work-order-detail-section';

/** The picking lists covering the order: each one's status, picker and last change. */
export function WorkOrderDetailPickingLists({ pickingLists, status }: { pickingLists: WorkOrderDetail['pickingLists']; status: WorkOrderDetail['status'] }) {
  return (
    <WorkOrderDetailSection title="Picking Lists">
      {pickingLists.length === 0 ? (
        <Text size="sm" c="dimmed">
          {status === 'ALLOCATED' ? (
            <>
              No picking list yet. Click Create Picking List, or batch it with other orders in{' '}
              <Anchor component={Link} to="/material-picking" size="sm">
                Material Picking
              </Anchor>
              .
            </>
          ) : (
            'No picking list.'
          )}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={440}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Picking List</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Picker</Table.Th>
                <Table.Th>Updated At</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pickingLists.map((list) => (
                <Table.Tr key={list.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/picking-lists/${encodeURIComponent(list.id)}`} size="sm" ff="monospace">
                      {pickingListLabel(list.id)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <PickingListStatusBadge status={list.status} />
                  </Table.Td>
                  <Table.Td>
                    {list.picker ?? (
                      <Text span size="sm" c="dimmed">
                        Not started
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDateTime(list.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </WorkOrderDetailSection>
  );
}
