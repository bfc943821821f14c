import { PageHeader } from '../../components/ui/page-header';
import { EmptyState } from '../../components/ui/states';
import { MaterialPicking } from '../../features/picking/components/material-picking';
import { useCurrentWarehouse } from '../../features/warehouses/current-warehouse';

export function MaterialPickingRoute() {
  const { warehouseId } = useCurrentWarehouse();
  return (
    <>
      <PageHeader title="Material Picking" description="Consolidate work order picking requests and generate picking lists." />
      {warehouseId ? (
        <MaterialPicking warehouseId={warehouseId} />
      ) : (
        <EmptyState title="No warehouse selected">Choose the warehouse you work in at the top right.</EmptyState>
      )}
    </>
  );
}
