import { PageHeader } from '../../components/ui/page-header';

// Placeholder until the page lands.
export function InventoryRoute() {
  return <PageHeader title="inventory" />;
}
