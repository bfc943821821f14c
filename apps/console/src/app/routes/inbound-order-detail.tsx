import { Anchor } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ErrorState, LoadingState } from '../../components/ui/states';
import { useInboundOrder } from '../../features/inbound/api/get-inbound-order';
import { InboundOrderDetail } from '../../features/inbound/components/inbound-order-detail';
import { useWarehouses } from '../../features/warehouses/api/get-warehouses';

export function InboundOrderDetailRoute() {
  const { id = '' } = useParams();
  const order = useInboundOrder(id);
  const warehouses = useWarehouses();
  // Putaway goes to a location of the order's own warehouse.
  const locations = warehouses.data?.find((warehouse) => warehouse.id === order.data?.warehouseId)?.locations ?? [];
  return (
    <>
      <Anchor component={Link} to="/inbound-orders" size="sm" mb="xs" display="inline-block">
        ← Inbound Orders
      </Anchor>
      {order.isPending ? (
        <LoadingState label="Loading inbound order…" />
      ) : order.isError ? (
        <ErrorState error={order.error} onRetry={() => void order.refetch()} title="This inbound order could not be loaded" />
      ) : (
        <InboundOrderDetail order={order.data} locations={locations} />
      )}
    </>
  );
}
