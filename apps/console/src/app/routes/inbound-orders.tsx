import { Group, Stack } from '@mantine/core';
import { PageHeader } from '../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/states';
import { StatusFilter, useStatusParam } from '../../components/ui/status-filter';
import { useInboundOrders } from '../../features/inbound/api/get-inbound-orders';
import { InboundOrdersTable } from '../../features/inbound/components/inbound-orders-table';
import { inboundStatusLabels, inboundStatusOptions, isInboundStatus } from '../../features/inbound/status';
import { useCurrentWarehouse } from '../../features/warehouses/current-warehouse';

export function InboundOrdersRoute() {
  const { warehouseId } = useCurrentWarehouse();
  const [status, setStatus] = useStatusParam(isInboundStatus);
  const orders = useInboundOrders({ warehouseId: warehouseId ?? undefined, status }, { enabled: Boolean(warehouseId) });

  return (
    <>
      <PageHeader title="Inbound Orders" description="Finished goods of completed work orders, received and put away onto shelves." />
      <Stack gap="md">
        <Group>
          <StatusFilter options={inboundStatusOptions} value={status} onChange={setStatus} />
        </Group>
        {!warehouseId ? (
          <EmptyState title="No warehouse selected">Choose the warehouse you work in at the top right.</EmptyState>
        ) : orders.isPending ? (
          <LoadingState label="Loading inbound orders…" />
        ) : orders.isError ? (
          <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
        ) : orders.data.length === 0 ? (
          <EmptyState title={status ? `No ${inboundStatusLabels[status]} inbound orders` : 'No inbound orders'}>
            Completing a work order creates its finished-goods inbound order here, ready to be received and put away.
          </EmptyState>
        ) : (
          <InboundOrdersTable orders={orders.data} />
        )}
      </Stack>
    </>
  );
}
