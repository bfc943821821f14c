import { Box, Button, Group, Pagination, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { NavigateButton } from '../../components/ui/navigate-button';
import { PageHeader } from '../../components/ui/page-header';
import { formatCount } from '../../components/ui/format';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/states';
import { useWarehouses } from '../../features/warehouses/api/get-warehouses';
import { useCurrentWarehouse } from '../../features/warehouses/current-warehouse';
import { useWorkOrderStatusCounts } from '../../features/work-orders/api/get-status-counts';
import { pendingRefetchInterval, useWorkOrders } from '../../features/work-orders/api/get-work-orders';
import { useWorkOrderFilters } from '../../features/work-orders/components/use-work-order-filters';
import { WorkOrderFilters } from '../../features/work-orders/components/work-order-filters';
import { WorkOrdersTable } from '../../features/work-orders/components/work-orders-table';
import { useMay } from '../../features/auth/permissions';

const pageSize = 25;

const controlLabels = { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' } as const;

/** Work Orders (guide section 2): the current warehouse's orders, filtered by what the URL says. */
export function WorkOrdersRoute() {
  const may = useMay();
  const newButton = may('work-orders.create') && (
    <NavigateButton to="/work-orders/new" leftSection={<IconPlus size={16} aria-hidden />}>
      New
    </NavigateButton>
  );
  return (
    <>
      <PageHeader title="Work Orders" description="The work orders of the warehouse you are working in." actions={newButton} />
      <WorkOrdersOfCurrentWarehouse />
    </>
  );
}

function WorkOrdersOfCurrentWarehouse() {
  const { warehouseId } = useCurrentWarehouse();
  const warehouses = useWarehouses();
  if (warehouseId) return <WorkOrderList warehouseId={warehouseId} />;
  // The header's switcher picks the first warehouse once they are loaded.
  if (warehouses.isError) return <ErrorState error={warehouses.error} onRetry={() => void warehouses.refetch()} title="The warehouses could not be loaded" />;
  if (warehouses.data && warehouses.data.length === 0) {
    return (
      <EmptyState
        title="Create a warehouse first"
        action={
          <Button component={Link} to="/warehouses" variant="light">
            Go to Warehouses
          </Button>
        }
      >
        Work orders are made in a warehouse, and there is none yet. Create one under Warehouses; it then appears in the header.
      </EmptyState>
    );
  }
  return <LoadingState />;
}

function WorkOrderList({ warehouseId }: { warehouseId: string }) {
  const { filters, isFiltered, setFilter, setSort, setPage, clearFilters } = useWorkOrderFilters();
  const { status, sort, page, ...others } = filters;
  const scope = {
    warehouseId: [warehouseId],
    merchantId: [...others.merchantId],
    q: [...others.q],
    inputSku: [...others.inputSku],
    outputSku: [...others.outputSku],
    priority: [...others.priority],
  };

  const list = useWorkOrders({ ...scope, status: [...status], sort, page, pageSize });
  const hasPending = list.data?.items.some((item) => item.pendingAction !== null) ?? false;
  // Counts move when a saga step settles, so they follow the list's polling.
  const counts = useWorkOrderStatusCounts(scope, { refetchInterval: hasPending ? pendingRefetchInterval : false });

  const total = list.data?.total ?? 0;
  const summary =
    total > 0 ? (
      <Text size="sm" c="dimmed" aria-live="polite">
        {total === 1 ? '1 work order' : `${formatCount(total, list.data?.totalCapped)} work orders`}
      </Text>
    ) : null;

  return (
    <>
      <WorkOrderFilters
        filters={filters}
        onChange={setFilter}
        onClear={clearFilters}
        counts={counts.data?.counts}
        cappedCounts={counts.data?.capped}
        summary={summary}
      />
      {list.isPending ? (
        <LoadingState label="Loading work orders…" />
      ) : list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} title="The work orders could not be loaded" />
      ) : list.data.items.length === 0 ? (
        <NoRows isFiltered={isFiltered} total={total} onClear={clearFilters} onFirstPage={() => setPage(1)} />
      ) : (
        // Dimmed while the next page or filter loads; the previous rows stay meanwhile.
        <Box style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }} aria-busy={list.isPlaceholderData}>
          <WorkOrdersTable items={list.data.items} sort={sort} onSortChange={setSort} />
          {total > pageSize ? (
            <Group justify="flex-end" mt="md">
              <Pagination
                total={Math.ceil(total / pageSize)}
                value={page}
                onChange={(next) => {
                  setPage(next);
                  // The next page starts at its top, not where the pager sits.
                  window.scrollTo({ top: 0 });
                }}
                getControlProps={(control) => ({ 'aria-label': controlLabels[control] })}
                getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
              />
            </Group>
          ) : null}
        </Box>
      )}
    </>
  );
}

function NoRows({ isFiltered, total, onClear, onFirstPage }: { isFiltered: boolean; total: number; onClear: () => void; onFirstPage: () => void }) {
  if (total > 0) {
    // A bookmarked page number past the end of a list that has shrunk since.
    return (
      <EmptyState
        title="This page is past the end of the list"
        action={
          <Button variant="light" onClick={onFirstPage}>
            Go to the first page
          </Button>
        }
      />
    );
  }
  if (isFiltered) {
    return (
      <EmptyState
        title="No work orders match these filters"
        action={
          <Button variant="light" onClick={onClear}>
            Clear filters
          </Button>
        }
      >
        Try fewer statuses or other search terms, or clear the filters to see every work order of this warehouse.
      </EmptyState>
    );
  }
  return <EmptyState title="No work orders yet">Create the first work order of this warehouse with New, at the top right.</EmptyState>;
}
