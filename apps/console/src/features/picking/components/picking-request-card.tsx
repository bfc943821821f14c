import { Anchor, Badge, Checkbox, Group, Paper, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useWorkOrder } from '../../work-orders/api/get-work-order';
import type { PickingGroup } from '../picking-groups';

/** One work order waiting to be picked: its number and name, a tick box, and its materials with their bins. */
export function PickingRequestCard({ group, selected, onToggle }: { group: PickingGroup; selected: boolean; onToggle: () => void }) {
  const order = useWorkOrder(group.workOrderId);
  return (
    <Paper withBorder radius="md" p="sm" bg={selected ? 'var(--mantine-color-blue-light)' : undefined}>
      <Group justify="space-between" wrap="nowrap" mb="xs" align="flex-start">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Checkbox mt={3} checked={selected} onChange={onToggle} aria-label={`Select ${group.workOrderNumber}`} />
          <div>
            <Anchor component={Link} to={`/work-orders/${group.workOrderId}`} fw={600}>
              {group.workOrderNumber}
            </Anchor>
            <Text size="sm" c="dimmed">
              {order.data?.name ?? '\u00a0'}
            </Text>
          </div>
        </Group>
        <Badge variant="light" color="gray" radius="sm">
          {group.lines.length} {group.lines.length === 1 ? 'material' : 'materials'} · {group.totalQuantity} units
        </Badge>
      </Group>
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing={4} aria-label={`Materials of ${group.workOrderNumber}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>SKU</Table.Th>
              <Table.Th ta="right">Quantity</Table.Th>
              <Table.Th>Locations</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {group.lines.map((line) => (
              <Table.Tr key={line.lineId}>
                <Table.Td ff="monospace">{line.sku}</Table.Td>
                <Table.Td ta="right">{line.quantity}</Table.Td>
                <Table.Td>{line.locations}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
