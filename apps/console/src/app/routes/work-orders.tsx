import { PageHeader } from '../../components/ui/page-header';

// Placeholder until the page lands.
export function WorkOrdersRoute() {
  return <PageHeader title="work-orders" />;
}
