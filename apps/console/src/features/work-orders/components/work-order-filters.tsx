import { Button, Group, MultiSelect, SimpleGrid, Stack, TagsInput, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff } from '@tabler/icons-react';
import { workOrderStatuses, type WorkOrderPriority, type WorkOrderStatus, type WorkOrderStatusCounts } from '@wo/contracts/rest';
import { useState, type ReactNode } from 'react';
import { useMerchantMode } from '../../merchants/api/get-merchants';
import { useProducts } from '../../products/api/get-products';
import { workOrderStatusLabels } from '../status';
import { priorityOptions } from './work-order-priority';
import type { WorkOrderFilterName, WorkOrderFilters as Filters } from './use-work-order-filters';
import { formatCount } from '../../../components/ui/format';

const statusOptions = workOrderStatuses.map((status) => ({ value: status, label: workOrderStatusLabels[status] }));

const enterHint = 'Enter adds a value';

/**
 * The guide's filters of the Work Orders list (2.1): Status (with how many orders each status
 * holds, when the API tells), Merchant (hidden when the system serves a single merchant), and
 * Search, Input SKU, Output SKU and Priority, each taking several values.
 */
export function WorkOrderFilters({
  filters,
  onChange,
  onClear,
  counts,
  cappedCounts,
  summary,
}: {
  filters: Filters;
  onChange: <N extends WorkOrderFilterName>(name: N, value: Filters[N]) => void;
  onClear: () => void;
  /** Orders per status under the other filters; null or undefined shows no numbers. */
  counts?: WorkOrderStatusCounts['counts'] | null;
  /** The statuses whose count is the API's cap (shown as "10,000+"). */
  cappedCounts?: readonly WorkOrderStatus[];
  /** The line under the filters (how many orders match), beside "Clear filters". */
  summary?: ReactNode;
}) {
  const { merchants } = useMerchantMode();
  const showMerchant = merchants.length > 1;
  const isFiltered =
    filters.status.length + filters.merchantId.length + filters.q.length + filters.inputSku.length + filters.outputSku.length + filters.priority.length > 0;

  return (
    <Stack gap="xs" mb="sm" component="section" aria-label="Filters">
      <SimpleGrid cols={{ base: 1, xs: 2, lg: showMerchant ? 3 : 5, xl: showMerchant ? 6 : 5 }} spacing="sm" verticalSpacing="xs">
        <MultiSelect<WorkOrderStatus>
          label="Status"
          placeholder={filters.status.length ? undefined : 'All statuses'}
          data={statusOptions}
          value={[...filters.status]}
          onChange={(value) => onChange('status', value)}
          renderOption={({ option }) => (
            <Group justify="space-between" wrap="nowrap" style={{ flex: 1 }} gap="xs">
              <span>{option.label}</span>
              {counts ? (
                <Text size="xs" c="dimmed">
                  {formatCount(counts[option.value], cappedCounts?.includes(option.value))}
                </Text>
              ) : null}
            </Group>
          )}
          clearable
        />
        {showMerchant ? (
          <MultiSelect
            label="Merchant"
            placeholder={filters.merchantId.length ? undefined : 'All merchants'}
            data={merchants.map((merchant) => ({ value: merchant.id, label: merchant.name }))}
            value={[...filters.merchantId]}
            onChange={(value) => onChange('merchantId', value)}
            searchable
            clearable
          />
        ) : null}
        <TagsInput
          label="Search"
          placeholder={filters.q.length ? undefined : `Number or name; ${enterHint}`}
          value={[...filters.q]}
          onChange={(value) => onChange('q', value)}
          clearable
        />
        <SkuTagsInput label="Input SKU" value={filters.inputSku} onChange={(value) => onChange('inputSku', value)} />
        <SkuTagsInput label="Output SKU" value={filters.outputSku} onChange={(value) => onChange('outputSku', value)} />
        <MultiSelect<WorkOrderPriority>
          label="Priority"
          placeholder={filters.priority.length ? undefined : 'All priorities'}
          data={priorityOptions}
          value={[...filters.priority]}
          onChange={(value) => onChange('priority', value)}
          clearable
        />
      </SimpleGrid>
      {/* Always there, so setting the first filter does not shift the table down. */}
      <Group justify="space-between" gap="xs" mih={30}>
        <div>{summary}</div>
        {isFiltered ? (
          <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClear}>
            Clear filters
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}

/** Several SKUs, suggested from the products as the operator types (any SKU may still be entered). */
function SkuTagsInput({ label, value, onChange }: { label: string; value: readonly string[]; onChange: (value: string[]) => void }) {
  const [search, setSearch] = useState('');
  // Asks for suggestions once the operator pauses, not on every key.
  const [term] = useDebouncedValue(search.trim(), 250);
  const products = useProducts({ q: term, limit: 20 }, term.length > 0);
  const suggestions = [...new Set((products.data ?? []).map((product) => product.sku))];
  return (
    <TagsInput
      label={label}
      placeholder={value.length ? undefined : `SKU; ${enterHint}`}
      value={[...value]}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      data={suggestions}
      clearable
    />
  );
}
