import { Table, Text } from '@mantine/core';
import type { WorkOrderDetail } from '@wo/contracts/rest';
import { WorkOrderDetailSection } from './work-order-detail-section';

/** "A-01 × 4, A-02 × 2": where a reservation's units are held. */
export function formatAllocations(allocations: WorkOrderDetail['reservations'][number]['allocations']): string {
  return allocations.map((allocation) => `${allocation.locationCode} × ${allocation.quantity}`).join(', ') || '—';
}

/** What inventory holds for the order, per material, by location (Allocated and Processing). */
export function WorkOrderDetailReservations({ reservations }: { reservations: WorkOrderDetail['reservations'] }) {
  return (
    <WorkOrderDetailSection title="Reservations">
      {reservations.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing is reserved for this work order.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={360}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>SKU</Table.Th>
                <Table.Th ta="right">Quantity</Table.Th>
                <Table.Th>Locations</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reservations.map((reservation) => (
                <Table.Tr key={reservation.reservationId}>
                  <Table.Td ff="monospace">{reservation.sku}</Table.Td>
                  <Table.Td ta="right">{reservation.quantity}</Table.Td>
                  <Table.Td>{formatAllocations(reservation.allocations)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </WorkOrderDetailSection>
  );
}
