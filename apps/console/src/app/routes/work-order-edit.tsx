import { PageHeader } from '../../components/ui/page-header';

// Placeholder until the page lands.
export function WorkOrderEditRoute() {
  return <PageHeader title="work-order-edit" />;
}
