import { PageHeader } from '../../components/ui/page-header';

// Placeholder until the page lands.
export function WarehousesRoute() {
  return <PageHeader title="warehouses" />;
}
