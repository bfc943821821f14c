import { Anchor, Table, Text } from '@mantine/core';
import type { WorkOrderDetail } from '@wo/contracts/rest';
import { Link } from 'react-router';
import { formatDateTime } from '../../../components/ui/format';
import { useMay, useMayRead } from '../../auth/permissions';
import { PickingListStatusBadge, pickingListLabel } from '../../picking/status';
import { WorkOrderDetailSection } from './work-order-detail-section';

/**
 * The picking lists covering the order: each one's status, picker and last change. A list opens
 * (and Material Picking is offered) only for whoever may read them: a merchant user follows its
 * lists' progress here, since a list may walk other merchants' orders too.
 */
export function WorkOrderDetailPickingLists({ pickingLists, status }: { pickingLists: WorkOrderDetail['pickingLists']; status: WorkOrderDetail['status'] }) {
  const mayRead = useMayRead();
  // Only a picker makes lists: the hint names the two ways to, for whoever may take them.
  const mayMakeLists = useMay()('picking.change');
  return (
    <WorkOrderDetailSection title="Picking Lists">
      {pickingLists.length === 0 ? (
        <Text size="sm" c="dimmed">
          {status === 'ALLOCATED' && mayMakeLists ? (
            <>
              No picking list yet. Click Create Picking List, or batch it with other orders in{' '}
              <Anchor component={Link} to="/material-picking" size="sm">
                Material Picking
              </Anchor>
              .
            </>
          ) : status === 'ALLOCATED' ? (
            'No picking list yet.'
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
                    {mayRead('getPickingList') ? (
                      <Anchor component={Link} to={`/picking-lists/${encodeURIComponent(list.id)}`} size="sm" ff="monospace">
                        {pickingListLabel(list.id)}
                      </Anchor>
                    ) : (
                      <Text span size="sm" ff="monospace">
                        {pickingListLabel(list.id)}
                      </Text>
                    )}
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
