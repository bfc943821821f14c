import { Button, Tabs } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/states';
import { AdjustStockForm } from '../../features/inventory/components/adjust-stock-form';
import { MovementsTab } from '../../features/inventory/components/movements-tab';
import { StockTab } from '../../features/inventory/components/stock-tab';
import { useWarehouses } from '../../features/warehouses/api/get-warehouses';
import { useCurrentWarehouse } from '../../features/warehouses/current-warehouse';
import { useMay } from '../../features/auth/permissions';

const tabs = ['stock', 'movements', 'adjust'] as const;
type InventoryTab = (typeof tabs)[number];

/**
 * Inventory of the current warehouse: "Stock", the "Movements" ledger and "Adjust Stock".
 * The tab and the adjustment's prefill live in the URL (`?tab=adjust&sku=…`), so a work order
 * short of a material can link straight to its restock.
 */
export function InventoryRoute() {
  const may = useMay();
  const { warehouseId } = useCurrentWarehouse();
  const warehouses = useWarehouses();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: InventoryTab = tabs.find((name) => name === requested) ?? 'stock';
  const warehouse = warehouses.data?.find((candidate) => candidate.id === warehouseId);

  const openTab = (next: InventoryTab, prefill: Record<string, string | undefined> = {}) => {
    const search = new URLSearchParams({ tab: next });
    for (const [name, value] of Object.entries(prefill)) if (value) search.set(name, value);
    setParams(search);
  };

  const header = (
    <PageHeader
      title="Inventory"
      description={warehouse ? `Material and finished goods stock in ${warehouse.code} · ${warehouse.name}` : 'Material and finished goods stock'}
    />
  );

  if (warehouses.isLoading || warehouses.isError) {
    return (
      <>
        {header}
        {warehouses.isError ? <ErrorState error={warehouses.error} onRetry={() => void warehouses.refetch()} /> : <LoadingState />}
      </>
    );
  }
  if (!warehouse) {
    return (
      <>
        {header}
        <EmptyState
          title={warehouses.data?.length ? 'Choose a warehouse' : 'No warehouse yet'}
          action={
            warehouses.data?.length ? undefined : (
              <Button component={Link} to="/warehouses">
                Go to Warehouses
              </Button>
            )
          }
        >
          {warehouses.data?.length
            ? 'Pick the warehouse you are working in with the switcher at the top.'
            : 'Inventory is kept per warehouse. Create a warehouse with its locations first.'}
        </EmptyState>
      </>
    );
  }

  const prefill = {
    merchantId: params.get('merchantId') ?? undefined,
    sku: params.get('sku') ?? undefined,
    locationCode: params.get('locationCode') ?? undefined,
    lot: params.get('lot') ?? undefined,
  };

  return (
    <>
      {header}
      <Tabs value={tab} onChange={(value) => openTab(tabs.find((name) => name === value) ?? 'stock')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="stock">Stock</Tabs.Tab>
          <Tabs.Tab value="movements">Movements</Tabs.Tab>
          {may('inventory.adjust') ? <Tabs.Tab value="adjust">Adjust Stock</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="stock">
          <StockTab warehouseId={warehouse.id} onAdjust={(target) => openTab('adjust', target)} onRestock={() => openTab('adjust')} />
        </Tabs.Panel>
        <Tabs.Panel value="movements">
          <MovementsTab warehouseId={warehouse.id} locations={warehouse.locations} />
        </Tabs.Panel>
        <Tabs.Panel value="adjust">
          {/* A new key per warehouse and prefill: the form starts over with what was asked for. */}
          {may('inventory.adjust') ? <AdjustStockForm key={`${warehouse.id}|${params.toString()}`} warehouse={warehouse} prefill={prefill} /> : null}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
