import { Group, Stack } from '@mantine/core';
import { PageHeader } from '../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/states';
import { StatusFilter, useStatusParam } from '../../components/ui/status-filter';
import { usePickingLists } from '../../features/picking/api/get-picking-lists';
import { PickingListsTable } from '../../features/picking/components/picking-lists-table';
import { isPickingListStatus, pickingListStatusLabels, pickingListStatusOptions } from '../../features/picking/status';
import { useCurrentWarehouse } from '../../features/warehouses/current-warehouse';

export function PickingListsRoute() {
  const { warehouseId } = useCurrentWarehouse();
  const [status, setStatus] = useStatusParam(isPickingListStatus);
  const lists = usePickingLists({ warehouseId: warehouseId ?? undefined, status }, { enabled: Boolean(warehouseId) });

  return (
    <>
      <PageHeader title="Picking Lists" description="Lists of materials to retrieve from the shelves, stop by stop in walking order." />
      <Stack gap="md">
        <Group>
          <StatusFilter options={pickingListStatusOptions} value={status} onChange={setStatus} />
        </Group>
        {!warehouseId ? (
          <EmptyState title="No warehouse selected">Choose the warehouse you work in at the top right.</EmptyState>
        ) : lists.isPending ? (
          <LoadingState label="Loading picking lists…" />
        ) : lists.isError ? (
          <ErrorState error={lists.error} onRetry={() => void lists.refetch()} />
        ) : lists.data.length === 0 ? (
          <EmptyState title={status ? `No ${pickingListStatusLabels[status]} picking lists` : 'No picking lists'}>
            Picking lists are made on Material Picking (several work orders at once) or with Create Picking List on an Allocated work order.
          </EmptyState>
        ) : (
          <PickingListsTable lists={lists.data} />
        )}
      </Stack>
    </>
  );
}
