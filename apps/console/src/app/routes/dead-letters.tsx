import { Box, Group, Select, Stack, Text } from '@mantine/core';
import { ListPagination } from '../../components/ui/list-pagination';
import { PageHeader } from '../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/states';
import { useDeadLetters } from '../../features/dead-letters/api/get-dead-letters';
import { DeadLetterTopicCounts } from '../../features/dead-letters/components/dead-letter-topic-counts';
import { DeadLettersTable } from '../../features/dead-letters/components/dead-letters-table';
import { useDeadLetterFilters } from '../../features/dead-letters/components/use-dead-letter-filters';
import { deadLetterStatusOptions } from '../../features/dead-letters/status';

const pageSize = 50;

export function DeadLettersRoute() {
  const { filters, setFilter, setPage } = useDeadLetterFilters();
  const deadLetters = useDeadLetters({ topic: filters.topic, status: filters.status, page: filters.page, pageSize });
  const counts = deadLetters.data?.counts ?? [];
  const total = deadLetters.data?.total ?? 0;
  return (
    <>
      <PageHeader
        title="Dead Letters"
        description="Messages a service could never process, per topic, with the reason and the original message; replay one once its cause is fixed."
      />
      <Stack gap="md">
        {counts.length > 0 ? <DeadLetterTopicCounts counts={counts} topic={filters.topic} onTopic={(topic) => setFilter('topic', topic)} /> : null}
        <Group gap="sm" component="section" aria-label="Filters">
          <Select
            label="Topic"
            placeholder="All topics"
            data={[...new Set([...counts.map((count) => count.topic), ...(filters.topic ? [filters.topic] : [])])]}
            value={filters.topic ?? null}
            onChange={(value) => setFilter('topic', value)}
            clearable
            w={300}
          />
          <Select
            label="Status"
            placeholder="All statuses"
            data={deadLetterStatusOptions}
            value={filters.status ?? null}
            onChange={(value) => setFilter('status', value)}
            clearable
            w={200}
          />
        </Group>
        {deadLetters.isPending ? (
          <LoadingState label="Loading dead letters…" />
        ) : deadLetters.isError && !deadLetters.data ? (
          <ErrorState error={deadLetters.error} onRetry={() => void deadLetters.refetch()} title="The dead letters could not be loaded" />
        ) : deadLetters.data.items.length === 0 ? (
          <EmptyState title="No dead letters">Every message so far was processed, or none matches the filters.</EmptyState>
        ) : (
          <Box style={{ opacity: deadLetters.isPlaceholderData ? 0.6 : 1 }} aria-busy={deadLetters.isPlaceholderData}>
            <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
              {total === 1 ? '1 dead letter' : `${total} dead letters`}
            </Text>
            <DeadLettersTable deadLetters={deadLetters.data.items} />
            <ListPagination total={total} pageSize={pageSize} page={filters.page} onChange={setPage} />
          </Box>
        )}
      </Stack>
    </>
  );
}
