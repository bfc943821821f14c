import { Alert, Anchor, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { QueuePlace, Shortage } from '@wo/contracts/rest';
import { Link } from 'react-router';

/**
 * Out of Stock: what the last allocation could not reserve, and what to do about it (guide
 * Scenario 4 and the FAQ "What if material inventory is insufficient?"). With auto-retry, each
 * SKU's place in the queue of orders waiting for it: the order is retried by itself when its turn
 * comes with enough stock.
 */
export function WorkOrderDetailShortages({ shortages, queuePlaces, autoRetry }: { shortages: Shortage[]; queuePlaces: QueuePlace[]; autoRetry: boolean }) {
  const placeOf = (sku: string) => queuePlaces.find((place) => place.sku === sku);
  const queued = autoRetry && queuePlaces.length > 0;
  return (
    <Alert color="red" variant="light" title="Out of Stock" icon={<IconAlertTriangle size={20} />} role="region" aria-label="Out of Stock">
      <Text size="sm" mb="sm">
        Nothing is reserved for this work order: {shortages.length === 1 ? 'a material is' : 'some materials are'} short. Restock in{' '}
        <Anchor component={Link} to="/inventory" size="sm">
          Inventory
        </Anchor>
        {autoRetry
          ? ': it is allocated again by itself when its turn comes; or click Retry Allocation, or Edit to ask for what is available.'
          : ', then click Retry Allocation; or click Edit to ask for what is available.'}
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
                {queued ? <Table.Th ta="right">Place in queue</Table.Th> : null}
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
                  {queued ? <Table.Td ta="right">{queuePlaceText(placeOf(shortage.sku))}</Table.Td> : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Alert>
  );
}

/** "2 of 5": the order's place among those waiting for the SKU (1 is the next to get it). */
export function queuePlaceText(place: QueuePlace | undefined): string {
  return place ? `${place.place} of ${place.waiting}` : '—';
}
