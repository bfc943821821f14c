import { PageHeader } from '../../components/ui/page-header';

// Placeholder until the page lands.
export function WorkOrderNewRoute() {
  return <PageHeader title="work-order-new" />;
}
