import { Alert, Anchor, Autocomplete, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { StockAdjustment, Warehouse } from '@wo/contracts/rest';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../../components/ui/states';
import { useMerchantMode } from '../../merchants/api/get-merchants';
import { useProducts } from '../../products/api/get-products';
import { adjustmentErrorsFrom, buildAdjustmentBody, formatSignedQuantity, type AdjustmentErrors } from '../adjustment';
import { useAdjustStock } from '../api/adjust-stock';
import { useStock } from '../api/get-stock';
import { knownLots, locationOptions } from '../stock';

/** What the Stock tab's "Adjust" (or a link) fills in. */
export interface AdjustmentPrefill {
  readonly merchantId?: string;
  readonly sku?: string;
  readonly locationCode?: string;
  readonly lot?: string;
}

/**
 * The "Adjust Stock" tab: a restock (positive quantity) or a correction down (negative) of one
 * SKU at one location of the current warehouse; a lot-tracked SKU's adjustment names its lot and
 * the lot's expiry. Mount it with a new `key` to apply a new prefill.
 */
export function AdjustStockForm({ warehouse, prefill = {} }: { warehouse: Warehouse; prefill?: AdjustmentPrefill }) {
  const { merchants, single } = useMerchantMode();
  const [merchantId, setMerchantId] = useState<string | null>(prefill.merchantId ?? null);
  const [sku, setSku] = useState(prefill.sku ?? '');
  const [locationCode, setLocationCode] = useState<string | null>(prefill.locationCode ?? null);
  const [quantity, setQuantity] = useState<number | string>('');
  const [reason, setReason] = useState('');
  const [lot, setLot] = useState(prefill.lot ?? '');
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<StockAdjustment | null>(null);
  const adjust = useAdjustStock();

  // Single-merchant mode: the Merchant field fills itself in.
  const merchant = merchantId ?? single?.id ?? null;

  const [skuSearch] = useDebouncedValue(sku.trim(), 250);
  const products = useProducts({ merchantId: merchant ?? undefined, q: skuSearch || undefined, limit: 20 }, Boolean(merchant));
  const productOptions = [...new Map((products.data ?? []).map((product) => [product.sku, product])).values()];
  const chosen = productOptions.find((product) => product.sku === sku.trim());
  // What is already on hand for the chosen SKU, shown next to each location.
  const stock = useStock({ warehouseId: warehouse.id, merchantId: merchant ?? undefined, sku: chosen?.sku }, Boolean(merchant && chosen));
  const lotTracked = chosen?.lotTracked === true;
  const lots = knownLots(stock.data?.[0]);
  // A known lot keeps the expiry it was first given: shown, not asked again.
  const known = lots.find((candidate) => candidate.lot === lot.trim());
  const expiry = known ? (known.expiresOn ?? '') : expiresOn;

  const clearError = (field: keyof AdjustmentErrors) =>
    setErrors((current) => {
      const next = { ...current };
      delete next[field];
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    const draft = buildAdjustmentBody(warehouse.id, { merchantId: merchant, sku, locationCode, quantity, reason, lotTracked, lot, expiresOn: expiry });
    if (!draft.ok) {
      setErrors(draft.errors);
      return;
    }
    setErrors({});
    adjust.mutate(draft.body, {
      onSuccess: (adjustment) => {
        setResult(adjustment);
        // Cleared so a second click cannot restock twice by accident.
        setQuantity('');
        setReason('');
      },
      onError: (error) => setErrors(adjustmentErrorsFrom(error)),
    });
  };

  const unplaced = adjust.isError && Object.keys(adjustmentErrorsFrom(adjust.error)).length === 0;

  return (
    <Paper withBorder p="md" radius="md" maw={720}>
      <form onSubmit={submit} noValidate aria-label="Adjust Stock">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Records a change of stock in {warehouse.code} · {warehouse.name}: a positive quantity restocks, a negative one corrects the count down (never below
            what is reserved).
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label="Merchant"
              placeholder="Choose a merchant"
              data={merchants.map((option) => ({ value: option.id, label: option.name }))}
              value={merchant}
              onChange={(value) => {
                setMerchantId(value);
                clearError('merchantId');
              }}
              readOnly={Boolean(single)}
              searchable={!single}
              allowDeselect={false}
              error={errors['merchantId']}
              withAsterisk
            />
            <Autocomplete
              label="SKU"
              placeholder={merchant ? 'Type a SKU or product name' : 'Choose a merchant first'}
              data={productOptions.map((product) => ({ value: product.sku, label: product.sku }))}
              renderOption={({ option }) => (
                <Stack gap={0}>
                  <Text size="sm" ff="monospace">
                    {option.value}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {productOptions.find((product) => product.sku === option.value)?.name}
                  </Text>
                </Stack>
              )}
              // The API already matched SKU prefix or name; keep every suggestion it gave.
              filter={({ options }) => options}
              value={sku}
              onChange={(value) => {
                setSku(value);
                clearError('sku');
              }}
              disabled={!merchant}
              description={chosen ? chosen.name : undefined}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              error={errors['sku']}
              withAsterisk
            />
            <Select
              label="Location"
              placeholder={warehouse.locations.length ? 'Choose a location' : 'This warehouse has no locations'}
              data={locationOptions(warehouse.locations, stock.data?.[0])}
              value={locationCode}
              onChange={(value) => {
                setLocationCode(value);
                clearError('locationCode');
              }}
              searchable
              error={errors['locationCode']}
              withAsterisk
            />
            <NumberInput
              label="Quantity"
              description="Positive to restock, negative to correct down"
              placeholder="e.g. 50 or -3"
              value={quantity}
              onChange={(value) => {
                setQuantity(value);
                clearError('quantity');
              }}
              allowDecimal={false}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              error={errors['quantity']}
              withAsterisk
            />
          </SimpleGrid>
          {lotTracked ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Autocomplete
                label="Lot"
                placeholder="The lot printed on the goods"
                description={lots.length ? 'A lot already in stock, or a new one' : 'This SKU is lot-tracked: name the lot'}
                data={lots.map((candidate) => candidate.lot)}
                value={lot}
                onChange={(value) => {
                  setLot(value);
                  clearError('lot');
                  clearError('lot.expiresOn');
                }}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                error={errors['lot']}
                withAsterisk
              />
              <TextInput
                type="date"
                label="Expires On"
                description={known ? `Lot ${known.lot} keeps its expiry` : 'Leave empty when the lot does not expire'}
                value={expiry}
                onChange={(event) => {
                  setExpiresOn(event.currentTarget.value);
                  clearError('lot.expiresOn');
                }}
                readOnly={Boolean(known)}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                error={errors['lot.expiresOn']}
              />
            </SimpleGrid>
          ) : null}
          <TextInput
            label="Reason"
            placeholder="e.g. restock"
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              clearError('reason');
            }}
            error={errors['reason']}
            withAsterisk
          />
          {unplaced ? (
            <Alert color="red" title="The adjustment was not saved" role="alert">
              {describeError(adjust.error)}
            </Alert>
          ) : null}
          {result ? <AdjustmentSaved adjustment={result} /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={adjust.isPending}>
              Save Adjustment
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function AdjustmentSaved({ adjustment }: { adjustment: StockAdjustment }) {
  return (
    <Alert color="green" title="Stock adjusted" role="status">
      <Stack gap={4}>
        <Text size="sm">
          {adjustment.sku}
          {adjustment.lot ? ` lot ${adjustment.lot}${adjustment.expiresOn ? ` (expires ${adjustment.expiresOn})` : ''}` : ''} at {adjustment.locationCode}:{' '}
          {formatSignedQuantity(adjustment.quantity)}, now {adjustment.onHand} on hand ({adjustment.reserved} reserved,{' '}
          {adjustment.onHand - adjustment.reserved} available).
        </Text>
        {adjustment.quantity > 0 ? (
          <Text size="sm">
            Out of Stock work orders with auto-retry that were short of it are allocated again by themselves, most urgent first; for the others,{' '}
            <Anchor component={Link} to="/work-orders?status=OUT_OF_STOCK">
              see Out of Stock work orders
            </Anchor>{' '}
            and click Retry Allocation.
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}
