import { Badge, Group, Table, Text } from '@mantine/core';
import type { Warehouse } from '@wo/contracts/rest';
import { AddLocationForm } from './add-location-form';

/** How many location chips a row shows before "+N more" (a warehouse may have a thousand bins). */
const chipLimit = 24;

export function WarehousesTable({ warehouses, currentId }: { warehouses: readonly Warehouse[]; currentId: string | null }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Code</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Locations</Table.Th>
            <Table.Th>Add Location</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {warehouses.map((warehouse) => (
            <Table.Tr key={warehouse.id} style={{ verticalAlign: 'top' }}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" ff="monospace" fw={600}>
                    {warehouse.code}
                  </Text>
                  {warehouse.id === currentId ? (
                    <Badge size="xs" variant="light">
                      Current
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>{warehouse.name}</Table.Td>
              <Table.Td>
                <Text size="sm" mb={4}>
                  {warehouse.locations.length === 1 ? '1 location' : `${warehouse.locations.length} locations`}
                </Text>
                <Group gap={4}>
                  {warehouse.locations.slice(0, chipLimit).map((location) => (
                    <Badge key={location} variant="outline" color="gray" radius="sm" tt="none" ff="monospace">
                      {location}
                    </Badge>
                  ))}
                  {warehouse.locations.length > chipLimit ? (
                    <Text size="xs" c="dimmed">
                      +{warehouse.locations.length - chipLimit} more
                    </Text>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <AddLocationForm warehouse={warehouse} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
