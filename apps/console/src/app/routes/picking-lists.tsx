import { Group, Select, Stack } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/states';
import { usePickingLists } from '../../features/picking/api/get-picking-lists';
import { PickingListsTable } from '../../features/picking/components/picking-lists-table';
import { isPickingListStatus, pickingListStatusLabels, pickingListStatusOptions } from '../../features/picking/status';
import { useCurrentWarehouse } from '../../features/warehouses/current-warehouse';

export function PickingListsRoute() {
  const { warehouseId } = useCurrentWarehouse();
  // The filter lives in the URL, so a filtered view can be shared and survives a reload.
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = isPickingListStatus(raw) ? raw : undefined;
  const lists = usePickingLists({ warehouseId: warehouseId ?? undefined, status }, { enabled: Boolean(warehouseId) });

  return (
    <>
      <PageHeader title="Picking Lists" description="Lists of materials to retrieve from the shelves, stop by stop in walking order." />
      <Stack gap="md">
        <Group>
          <Select
            label="Status"
            placeholder="All statuses"
            data={pickingListStatusOptions}
            value={status ?? null}
            clearable
            w={220}
            onChange={(value) => setParams(value ? { status: value } : {}, { replace: true })}
          />
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
