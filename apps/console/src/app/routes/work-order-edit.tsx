import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { WorkOrderStatus } from '@wo/contracts/rest';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { ErrorState, LoadingState } from '../../components/ui/states';
import { useWorkOrder } from '../../features/work-orders/api/get-work-order';
import { WorkOrderForm } from '../../features/work-orders/components/work-order-form';
import { workOrderStatusLabels } from '../../features/work-orders/status';

/** The guide's "Edit": only a Draft or Out of Stock order can change. */
const editableStatuses: readonly WorkOrderStatus[] = [WorkOrderStatus.Draft, WorkOrderStatus.OutOfStock];

export function WorkOrderEditRoute() {
  const { id = '' } = useParams();
  const order = useWorkOrder(id);
  const back = (
    <Anchor component={Link} to={`/work-orders/${id}`} size="sm">
      Back to the work order
    </Anchor>
  );
  if (order.isPending) return <LoadingState label="Loading the work order…" />;
  if (order.isError) {
    return (
      <Stack>
        <PageHeader title="Edit work order" actions={back} />
        <ErrorState error={order.error} onRetry={() => void order.refetch()} title="The work order could not be loaded" />
      </Stack>
    );
  }
  const detail = order.data;
  return (
    <>
      <PageHeader title={`Edit ${detail.number}`} description={detail.name} actions={back} />
      {editableStatuses.includes(detail.status) ? (
        <WorkOrderForm key={detail.id} order={detail} />
      ) : (
        <Alert color="gray" title="Editing is not possible in this status">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">This work order is {workOrderStatusLabels[detail.status]}: only Draft and Out of Stock work orders can be edited.</Text>
            {back}
          </Stack>
        </Alert>
      )}
    </>
  );
}
