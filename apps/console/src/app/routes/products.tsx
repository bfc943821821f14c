import { PageHeader } from '../../components/ui/page-header';

// Placeholder until the page lands.
export function ProductsRoute() {
  return <PageHeader title="products" />;
}
