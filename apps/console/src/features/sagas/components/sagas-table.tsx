import { Anchor, Table } from '@mantine/core';
import type { SagaSummary } from '@wo/contracts/rest';
import { Link } from 'react-router';
import { formatDateTime } from '../../../components/ui/format';
import { WorkOrderLink } from '../../picking/components/work-order-link';
import { SagaStateBadge, sagaTypeLabels } from '../status';

export function SagasTable({ sagas }: { sagas: readonly SagaSummary[] }) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Type</Table.Th>
            <Table.Th>Work Order</Table.Th>
            <Table.Th>Phase</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Started</Table.Th>
            <Table.Th>Updated</Table.Th>
            <Table.Th>Attempts</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sagas.map((saga) => (
            <Table.Tr key={saga.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/sagas/${saga.id}`} fw={600} size="sm">
                  {sagaTypeLabels[saga.type]}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <WorkOrderLink id={saga.workOrderId} />
              </Table.Td>
              <Table.Td>{saga.phase}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <SagaStateBadge state={saga.state} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(saga.createdAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(saga.updatedAt)}</Table.Td>
              <Table.Td>{saga.stepAttempts}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
