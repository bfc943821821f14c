import { Alert, Button, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import type { Warehouse } from '@wo/contracts/rest';
import { useState } from 'react';
import { PageHeader } from '../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/states';
import { useWarehouses } from '../../features/warehouses/api/get-warehouses';
import { NewWarehouseModal } from '../../features/warehouses/components/new-warehouse-modal';
import { WarehousesTable } from '../../features/warehouses/components/warehouses-table';
import { useCurrentWarehouse } from '../../features/warehouses/current-warehouse';
import { useMay } from '../../features/auth/permissions';

/** Warehouses and their locations (bins); the header's switcher picks the one being worked in. */
export function WarehousesRoute() {
  const may = useMay();
  const warehouses = useWarehouses();
  const { warehouseId, setWarehouseId } = useCurrentWarehouse();
  const [opened, { open, close }] = useDisclosure(false);
  const [created, setCreated] = useState<Warehouse | null>(null);
  const list = warehouses.data ?? [];

  const onCreated = (warehouse: Warehouse) => {
    // The first warehouse is the one everybody works in from now on.
    if (list.length === 0 || !warehouseId) setWarehouseId(warehouse.id);
    setCreated(warehouse);
    close();
  };

  return (
    <>
      <PageHeader
        title="Warehouses"
        description="Warehouses and their locations; choose the one you work in with the switcher at the top"
        actions={
          may('warehouses.create') && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              New Warehouse
            </Button>
          )
        }
      />
      <Stack gap="md">
        {created ? (
          <Alert color="green" title="Warehouse saved" withCloseButton onClose={() => setCreated(null)}>
            {created.code} · {created.name} with {created.locations.length === 1 ? '1 location' : `${created.locations.length} locations`}.
            {created.id === warehouseId ? ' It is now the warehouse you are working in.' : ' Switch to it with the warehouse switcher at the top.'}
          </Alert>
        ) : null}
        {warehouses.isLoading ? (
          <LoadingState label="Loading warehouses…" />
        ) : warehouses.isError ? (
          <ErrorState error={warehouses.error} onRetry={() => void warehouses.refetch()} title="Warehouses could not be loaded" />
        ) : list.length === 0 ? (
          <EmptyState title="No warehouses yet" action={may('warehouses.create') && <Button onClick={open}>New Warehouse</Button>}>
            Create the warehouse you work in, with its location codes; stock, picking and work orders all happen in a warehouse.
          </EmptyState>
        ) : (
          <WarehousesTable warehouses={list} currentId={warehouseId} />
        )}
      </Stack>
      <NewWarehouseModal opened={opened} onClose={close} onCreated={onCreated} />
    </>
  );
}
