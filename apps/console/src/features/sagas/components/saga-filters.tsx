import { Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import type { SagaList } from '@wo/contracts/rest';
import { sagaStateLabels, sagaStatesInOrder, sagaTypeOptions } from '../status';
import type { SagaFilterName, SagaFilters as Filters } from './use-saga-filters';

const ALL = 'all';

/**
 * The Sagas list's header and filters: how many sagas are in each state (all of them), which is
 * also the State filter, then Type, Work Order and the days it started between.
 */
export function SagaFilters({
  filters,
  counts,
  onChange,
}: {
  filters: Filters;
  counts: SagaList['counts'] | undefined;
  onChange: (name: SagaFilterName, value: string | null) => void;
}) {
  const all = Object.values(counts ?? {}).reduce((sum, count) => sum + (count ?? 0), 0);
  const stateOptions = [
    { value: ALL, label: counts ? `All ${all}` : 'All' },
    ...sagaStatesInOrder.map((state) => ({ value: state, label: counts ? `${sagaStateLabels[state]} ${counts[state] ?? 0}` : sagaStateLabels[state] })),
  ];
  return (
    <Stack gap="xs" mb="sm" component="section" aria-label="Filters">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="saga-state-label">
          State
        </Text>
        <SegmentedControl
          aria-labelledby="saga-state-label"
          data={stateOptions}
          value={filters.state ?? ALL}
          onChange={(value) => onChange('state', value === ALL ? null : value)}
          w="fit-content"
        />
      </Stack>
      <Group gap="sm" align="flex-end">
        <Select
          label="Type"
          placeholder="All types"
          data={sagaTypeOptions}
          value={filters.type ?? null}
          onChange={(value) => onChange('type', value)}
          clearable
          w={200}
        />
        <TextInput
          label="Work Order"
          placeholder="Work order id"
          value={filters.workOrderId}
          onChange={(event) => onChange('workOrderId', event.currentTarget.value.trim() || null)}
          w={320}
        />
        <DatePickerInput
          label="Started from"
          placeholder="Any day"
          clearable
          valueFormat="YYYY-MM-DD"
          value={filters.startedFrom ?? null}
          maxDate={filters.startedTo}
          onChange={(day) => onChange('startedFrom', day)}
          w={160}
        />
        <DatePickerInput
          label="Started to"
          placeholder="Any day"
          clearable
          valueFormat="YYYY-MM-DD"
          value={filters.startedTo ?? null}
          minDate={filters.startedFrom}
          onChange={(day) => onChange('startedTo', day)}
          w={160}
        />
      </Group>
    </Stack>
  );
}
