import { Table, Text } from '@mantine/core';
import type { WorkOrderDetail } from '@wo/contracts/rest';
import { WorkOrderDetailSection } from './work-order-detail-section';

/** "Produce Output" or "Consume Materials": the order's lines as SKU and Quantity. */
export function WorkOrderDetailLines({ title, lines }: { title: 'Produce Output' | 'Consume Materials'; lines: WorkOrderDetail['outputs'] }) {
  return (
    <WorkOrderDetailSection title={title}>
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          No lines.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={260}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>SKU</Table.Th>
                <Table.Th ta="right">Quantity</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line) => (
                <Table.Tr key={line.id}>
                  <Table.Td ff="monospace">{line.sku}</Table.Td>
                  <Table.Td ta="right">{line.quantity}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </WorkOrderDetailSection>
  );
}
