import { PageHeader } from '../../components/ui/page-header';

// Placeholder until the page lands.
export function InboundOrdersRoute() {
  return <PageHeader title="inbound-orders" />;
}
