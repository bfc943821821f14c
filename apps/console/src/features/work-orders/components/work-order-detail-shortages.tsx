import { Alert, Anchor, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Shortage } from '@wo/contracts/rest';
import { Link } from 'react-router';

/**
 * Out of Stock: what the last allocation could not reserve, and what to do about it (guide
 * Scenario 4 and the FAQ "What if material inventory is insufficient?").
 */
export function WorkOrderDetailShortages({ shortages }: { shortages: Shortage[] }) {
  return (
    <Alert color="red" variant="light" title="Out of Stock" icon={<IconAlertTriangle size={20} />} role="region" aria-label="Out of Stock">
      <Text size="sm" mb="sm">
        Nothing is reserved for this work order: {shortages.length === 1 ? 'a material is' : 'some materials are'} short. Restock in{' '}
        <Anchor component={Link} to="/inventory" size="sm">
          Inventory
        </Anchor>
        , then click Retry Allocation; or click Edit to ask for what is available.
      </Text>
      {shortages.length > 0 ? (
        <Table.ScrollContainer minWidth={360}>
          <Table bg="var(--mantine-color-body)" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>SKU</Table.Th>
                <Table.Th ta="right">Requested</Table.Th>
                <Table.Th ta="right">Available</Table.Th>
                <Table.Th ta="right">Short</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shortages.map((shortage) => (
                <Table.Tr key={shortage.sku}>
                  <Table.Td ff="monospace">{shortage.sku}</Table.Td>
                  <Table.Td ta="right">{shortage.requested}</Table.Td>
                  <Table.Td ta="right">{shortage.available}</Table.Td>
                  <Table.Td ta="right" c="red" fw={700}>
                    {Math.max(0, shortage.requested - shortage.available)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Alert>
  );
}
