import { Stack, Table, Text } from '@mantine/core';
import type { WorkOrderDetail } from '@wo/contracts/rest';
import { LotLink } from '../../lots/components/lot-link';
import { WorkOrderDetailSection } from './work-order-detail-section';

type Allocations = WorkOrderDetail['reservations'][number]['allocations'];

/** "A-01 × 4, A-02 × 2": where a reservation's units are held. */
export function formatAllocations(allocations: Allocations): string {
  return allocations.map((allocation) => `${allocation.locationCode} × ${allocation.quantity}`).join(', ') || '—';
}

/** Where a reservation's units are held, and for a lot-tracked material which lot and its expiry (each lot opens its trace). */
function AllocationList({ merchantId, sku, allocations }: { merchantId: string; sku: string; allocations: Allocations }) {
  if (!allocations.some((allocation) => allocation.lot)) return <>{formatAllocations(allocations)}</>;
  return (
    <Stack gap={2}>
      {allocations.map((allocation) => (
        <Text key={`${allocation.locationCode}|${allocation.lot ?? ''}`} size="sm">
          {allocation.locationCode} × {allocation.quantity}
          {allocation.lot ? (
            <>
              {' · Lot '}
              <LotLink merchantId={merchantId} sku={sku} lot={allocation.lot} direction="up" />
              {allocation.expiresOn ? ` · Expires On ${allocation.expiresOn}` : ''}
            </>
          ) : null}
        </Text>
      ))}
    </Stack>
  );
}

/** What inventory holds for the order, per material, by location and lot (Allocated and Processing). */
export function WorkOrderDetailReservations({ merchantId, reservations }: { merchantId: string; reservations: WorkOrderDetail['reservations'] }) {
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
                  <Table.Td>
                    <AllocationList merchantId={merchantId} sku={reservation.sku} allocations={reservation.allocations} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </WorkOrderDetailSection>
  );
}
