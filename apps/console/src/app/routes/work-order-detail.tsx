import { PageHeader } from '../../components/ui/page-header';

// Placeholder until the page lands.
export function WorkOrderDetailRoute() {
  return <PageHeader title="work-order-detail" />;
}
