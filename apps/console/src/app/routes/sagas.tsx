import { Box, Text } from '@mantine/core';
import { ListPagination } from '../../components/ui/list-pagination';
import { PageHeader } from '../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/states';
import { useSagas } from '../../features/sagas/api/get-sagas';
import { SagaFilters } from '../../features/sagas/components/saga-filters';
import { SagasTable } from '../../features/sagas/components/sagas-table';
import { dayBounds, useSagaFilters } from '../../features/sagas/components/use-saga-filters';

const pageSize = 50;

export function SagasRoute() {
  const { filters, setFilter, setPage } = useSagaFilters();
  const sagas = useSagas({
    state: filters.state,
    type: filters.type,
    workOrderId: filters.workOrderId || undefined,
    ...dayBounds(filters),
    page: filters.page,
    pageSize,
  });
  const total = sagas.data?.total ?? 0;
  return (
    <>
      <PageHeader title="Sagas" description="Allocation, release and completion of each work order, step by step; a stuck one waits for a Retry." />
      <SagaFilters filters={filters} counts={sagas.data?.counts} onChange={setFilter} />
      {sagas.isPending ? (
        <LoadingState label="Loading sagas…" />
      ) : sagas.isError && !sagas.data ? (
        <ErrorState error={sagas.error} onRetry={() => void sagas.refetch()} title="The sagas could not be loaded" />
      ) : sagas.data.items.length === 0 ? (
        <EmptyState title="No sagas match">A saga starts when a work order is confirmed, canceled while Allocated, or completed.</EmptyState>
      ) : (
        <Box style={{ opacity: sagas.isPlaceholderData ? 0.6 : 1 }} aria-busy={sagas.isPlaceholderData}>
          <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
            {total === 1 ? '1 saga' : `${total} sagas`}
          </Text>
          <SagasTable sagas={sagas.data.items} />
          <ListPagination total={total} pageSize={pageSize} page={filters.page} onChange={setPage} />
        </Box>
      )}
    </>
  );
}
