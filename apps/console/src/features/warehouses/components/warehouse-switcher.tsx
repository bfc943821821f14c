import { Select } from '@mantine/core';
import { useEffect } from 'react';
import { useWarehouses } from '../api/get-warehouses';
import { useCurrentWarehouse } from '../current-warehouse';

/** The header's "Warehouse" switcher: picks the warehouse the operator is working in. */
export function WarehouseSwitcher() {
  const { warehouseId, setWarehouseId } = useCurrentWarehouse();
  const warehouses = useWarehouses();
  const list = warehouses.data ?? [];

  // A remembered warehouse that no longer exists (or none yet): fall back to the first one.
  useEffect(() => {
    if (!warehouses.data) return;
    if (warehouseId && warehouses.data.some((warehouse) => warehouse.id === warehouseId)) return;
    setWarehouseId(warehouses.data[0]?.id ?? null);
  }, [warehouses.data, warehouseId, setWarehouseId]);

  return (
    <Select
      label="Warehouse"
      aria-label="Warehouse"
      placeholder={warehouses.isLoading ? 'Loading…' : list.length ? 'Choose a warehouse' : 'No warehouse yet'}
      data={list.map((warehouse) => ({ value: warehouse.id, label: `${warehouse.code} · ${warehouse.name}` }))}
      value={warehouseId}
      onChange={(value) => value && setWarehouseId(value)}
      allowDeselect={false}
      disabled={!list.length}
      size="xs"
      w={240}
      styles={{ label: { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' } }}
    />
  );
}
