import { Anchor, Button, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { WorkOrderActionAccepted, WorkOrderDetail, WorkOrderStatus } from '@wo/contracts/rest';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../components/ui/format';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/states';
import { ApiError } from '../../lib/api-client';
import { useMerchantMode } from '../../features/merchants/api/get-merchants';
import { useWarehouses } from '../../features/warehouses/api/get-warehouses';
import { useWorkOrder } from '../../features/work-orders/api/get-work-order';
import { detailRefetchInterval } from '../../features/work-orders/components/work-order-action-buttons';
import { WorkOrderActions } from '../../features/work-orders/components/work-order-actions';
import { WorkOrderDetailHistory } from '../../features/work-orders/components/work-order-detail-history';
import { WorkOrderDetailInbound } from '../../features/work-orders/components/work-order-detail-inbound';
import { WorkOrderDetailLines } from '../../features/work-orders/components/work-order-detail-lines';
import { WorkOrderDetailPickingLists } from '../../features/work-orders/components/work-order-detail-picking-lists';
import { WorkOrderDetailReservations } from '../../features/work-orders/components/work-order-detail-reservations';
import { WorkOrderDetailShortages } from '../../features/work-orders/components/work-order-detail-shortages';
import { priorityLabels } from '../../features/work-orders/components/work-order-priority';
import { WorkOrderStatusBadge } from '../../features/work-orders/status';
import { Fact } from '../../components/ui/fact';

/** How long the page waits for an accepted action to show (e.g. a picking list made, Processing not yet reported). */
const awaitLimitMs = 15_000;

/**
 * A work order: its status and the buttons of that status (guide 2.3), its lines, why it is out
 * of stock, what is reserved, its picking lists, the finished-goods inbound order and its history.
 * It re-reads itself by polling (see detailRefetchInterval) while something settles elsewhere.
 */
export function WorkOrderDetailRoute() {
  const { id = '' } = useParams();
  // An accepted action whose effect is not visible yet (202 with the same status, no pendingAction).
  const [awaitingFrom, setAwaitingFrom] = useState<WorkOrderStatus | null>(null);
  const query = useWorkOrder(id, { refetchInterval: (order) => detailRefetchInterval(order, awaitingFrom !== null && order?.status === awaitingFrom) });

  useEffect(() => {
    if (awaitingFrom === null) return;
    const timer = setTimeout(() => setAwaitingFrom(null), awaitLimitMs);
    return () => clearTimeout(timer);
  }, [awaitingFrom]);

  const onAccepted = useCallback((accepted: WorkOrderActionAccepted) => {
    setAwaitingFrom(accepted.pendingAction === null ? accepted.status : null);
  }, []);

  if (query.data === undefined) {
    if (!query.isError) return <LoadingState label="Loading the work order…" />;
    if (query.error instanceof ApiError && query.error.status === 404) {
      return (
        <EmptyState
          title="This work order does not exist"
          action={
            <Button component={Link} to="/work-orders" variant="light">
              Back to Work Orders
            </Button>
          }
        >
          It may have been typed wrong, or the link is from another system. Find the order in the list.
        </EmptyState>
      );
    }
    return (
      <Stack>
        <BackLink />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} title="The work order could not be loaded" />
      </Stack>
    );
  }

  const order = query.data;
  const awaitingChange = awaitingFrom !== null && order.status === awaitingFrom;
  return (
    <Stack gap="md">
      <BackLink />
      <WorkOrderHeader order={order} />
      <WorkOrderActions order={order} awaitingChange={awaitingChange} onAccepted={onAccepted} />
      {/* A failed re-read keeps what was last read on screen, with the error above it. */}
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} title="The latest state could not be loaded; showing what was last read" />
      ) : null}
      {order.status === 'OUT_OF_STOCK' ? (
        <WorkOrderDetailShortages shortages={order.shortages} queuePlaces={order.queuePlaces} autoRetry={order.autoRetry} />
      ) : null}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <WorkOrderDetailLines title="Produce Output" lines={order.outputs} />
              <WorkOrderDetailLines title="Consume Materials" lines={order.materials} />
            </SimpleGrid>
            {order.status === 'ALLOCATED' || order.status === 'PROCESSING' ? (
              <WorkOrderDetailReservations merchantId={order.merchantId} reservations={order.reservations} />
            ) : null}
            {order.pickingLists.length > 0 || order.status === 'ALLOCATED' || order.status === 'PROCESSING' ? (
              <WorkOrderDetailPickingLists pickingLists={order.pickingLists} status={order.status} />
            ) : null}
            {order.inboundOrder ? <WorkOrderDetailInbound merchantId={order.merchantId} inboundOrder={order.inboundOrder} /> : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <WorkOrderDetailHistory history={order.history} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function BackLink() {
  return (
    <Anchor component={Link} to="/work-orders" size="sm">
      <Group gap={4} component="span" wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden />
        Back to Work Orders
      </Group>
    </Anchor>
  );
}

function WorkOrderHeader({ order }: { order: WorkOrderDetail }) {
  const { byId } = useMerchantMode();
  const warehouses = useWarehouses();
  const warehouse = warehouses.data?.find((candidate) => candidate.id === order.warehouseId);
  return (
    <div>
      <Stack gap={6} mb="md">
        <Title order={2}>{order.name}</Title>
        <Group gap="sm" wrap="wrap">
          <WorkOrderStatusBadge status={order.status} pendingAction={order.pendingAction} />
          <Text size="sm" c="dimmed">
            {order.number}
          </Text>
        </Group>
      </Stack>
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="md" verticalSpacing="sm">
          <Fact label="Work Order Number">{order.number}</Fact>
          <Fact label="Merchant">{byId.get(order.merchantId)?.name ?? '—'}</Fact>
          <Fact label="Warehouse">{warehouse ? warehouse.code : '—'}</Fact>
          <Fact label="Scheduled At">{formatDate(order.scheduledAt)}</Fact>
          <Fact label="Priority">{priorityLabels[order.priority]}</Fact>
          <Fact label="Auto-retry">{order.autoRetry ? 'On' : 'Off'}</Fact>
          <Fact label="Created At">{formatDateTime(order.createdAt)}</Fact>
        </SimpleGrid>
      </Paper>
    </div>
  );
}
