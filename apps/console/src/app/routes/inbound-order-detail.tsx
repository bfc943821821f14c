import { PageHeader } from '../../components/ui/page-header';

// Placeholder until the page lands.
export function InboundOrderDetailRoute() {
  return <PageHeader title="inbound-order-detail" />;
}
