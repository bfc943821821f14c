import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { StockRow } from '@wo/contracts/rest';
import { useMemo, useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { useMerchantMode } from '../../merchants/api/get-merchants';
import { useProducts } from '../../products/api/get-products';
import { useStock } from '../api/get-stock';
import { filterStockRows, productNamesByKey } from '../stock';
import { StockTable } from './stock-table';

interface StockTabProps {
  readonly warehouseId: string;
  readonly onAdjust: (target: { merchantId: string; sku: string; locationCode?: string; lot?: string }) => void;
  /** The empty state's way to the Adjust Stock tab. */
  readonly onRestock: () => void;
}

/** The "Stock" tab: what the current warehouse holds, by SKU, filtered by "Merchant" and "SKU". */
export function StockTab({ warehouseId, onAdjust, onRestock }: StockTabProps) {
  const { merchants, single, byId } = useMerchantMode();
  const [merchantId, setMerchantId] = useState<string | null>(null);
  const [skuText, setSkuText] = useState('');
  const stock = useStock({ warehouseId, merchantId: merchantId ?? undefined });
  // Names for the "Product" column; the API answers at most 200 products per call.
  const products = useProducts({ merchantId: merchantId ?? undefined, limit: 200 });
  const names = useMemo(() => productNamesByKey(products.data ?? []), [products.data]);
  const rows = useMemo(() => filterStockRows(stock.data ?? [], skuText, names), [stock.data, skuText, names]);
  const filtered = Boolean(merchantId || skuText.trim());

  const adjust = (row: StockRow, locationCode?: string, lot?: string) =>
    onAdjust({
      lot,
      merchantId: row.merchantId,
      sku: row.sku,
      locationCode: locationCode ?? (row.locations.length === 1 ? row.locations[0]!.locationCode : undefined),
    });

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        {single ? null : (
          <Select
            label="Merchant"
            placeholder="All merchants"
            data={merchants.map((merchant) => ({ value: merchant.id, label: merchant.name }))}
            value={merchantId}
            onChange={setMerchantId}
            clearable
            searchable
            w={220}
          />
        )}
        <TextInput
          label="SKU"
          placeholder="SKU or product name"
          leftSection={<IconSearch size={14} />}
          value={skuText}
          onChange={(event) => setSkuText(event.currentTarget.value)}
          w={240}
        />
        {filtered ? (
          <Button
            variant="subtle"
            onClick={() => {
              setMerchantId(null);
              setSkuText('');
            }}
          >
            Clear filters
          </Button>
        ) : null}
      </Group>
      {stock.isLoading ? (
        <LoadingState label="Loading stock…" />
      ) : stock.isError ? (
        <ErrorState error={stock.error} onRetry={() => void stock.refetch()} title="Stock could not be loaded" />
      ) : rows.length === 0 ? (
        filtered ? (
          <EmptyState title="No stock matches these filters">Try another SKU or clear the filters.</EmptyState>
        ) : (
          <EmptyState title="No stock yet" action={<Button onClick={onRestock}>Adjust Stock</Button>}>
            No stock in this warehouse yet. Use Adjust Stock to record a restock.
          </EmptyState>
        )
      ) : (
        <StockTable rows={rows} productNames={names} merchantName={single ? undefined : (id) => byId.get(id)?.name ?? id} onAdjust={adjust} />
      )}
    </Stack>
  );
}
