import { Autocomplete, Button, Group, Paper, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useMerchantMode } from '../../merchants/api/get-merchants';
import { useProducts } from '../../products/api/get-products';
import { lotCodeProblem, traceDirectionLabels, type TraceDirection } from '../lots';

export interface LotTraceAsk {
  readonly merchantId: string;
  readonly sku: string;
  readonly lot: string;
  readonly direction: TraceDirection;
}

/** The Lot Trace question: which merchant's SKU and lot, traced down (its components) or up (what it went into). */
export function LotTraceForm({ initial, onTrace }: { initial: Partial<LotTraceAsk>; onTrace: (ask: LotTraceAsk) => void }) {
  const { merchants, single } = useMerchantMode();
  const [merchantId, setMerchantId] = useState<string | null>(initial.merchantId ?? null);
  const [sku, setSku] = useState(initial.sku ?? '');
  const [lot, setLot] = useState(initial.lot ?? '');
  const [direction, setDirection] = useState<TraceDirection>(initial.direction ?? 'down');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const merchant = merchantId ?? single?.id ?? null;
  const [skuSearch] = useDebouncedValue(sku.trim(), 250);
  const products = useProducts({ merchantId: merchant ?? undefined, q: skuSearch || undefined, limit: 20 }, Boolean(merchant));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!merchant) found['merchantId'] = 'Choose a merchant';
    if (!sku.trim()) found['sku'] = 'Enter a SKU';
    const lotProblem = lotCodeProblem(lot);
    if (lotProblem) found['lot'] = lotProblem;
    setErrors(found);
    if (merchant && Object.keys(found).length === 0) onTrace({ merchantId: merchant, sku: sku.trim(), lot: lot.trim(), direction });
  };

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate aria-label="Lot Trace">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: single ? 2 : 3 }} spacing="sm">
          {single ? null : (
            <Select
              label="Merchant"
              placeholder="Choose a merchant"
              data={merchants.map((option) => ({ value: option.id, label: option.name }))}
              value={merchant}
              onChange={setMerchantId}
              searchable
              allowDeselect={false}
              error={errors['merchantId']}
              withAsterisk
            />
          )}
          <Autocomplete
            label="SKU"
            placeholder="e.g. GIFT-SET"
            data={[...new Set((products.data ?? []).map((product) => product.sku))]}
            filter={({ options }) => options}
            value={sku}
            onChange={setSku}
            error={errors['sku']}
            withAsterisk
          />
          <TextInput
            label="Lot"
            placeholder="e.g. WO-WH1-00001 or a supplier's lot"
            value={lot}
            onChange={(event) => setLot(event.currentTarget.value)}
            error={errors['lot']}
            withAsterisk
          />
        </SimpleGrid>
        <Radio.Group label="Direction" value={direction} onChange={(value) => setDirection(value === 'up' ? 'up' : 'down')}>
          <Group gap="lg" mt={4}>
            <Radio value="down" label={traceDirectionLabels.down} />
            <Radio value="up" label={traceDirectionLabels.up} />
          </Group>
        </Radio.Group>
        <Group>
          <Button type="submit" leftSection={<IconSearch size={16} />}>
            Trace
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
