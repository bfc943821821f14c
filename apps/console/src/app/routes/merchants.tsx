import { PageHeader } from '../../components/ui/page-header';

// Placeholder until the page lands.
export function MerchantsRoute() {
  return <PageHeader title="merchants" />;
}
