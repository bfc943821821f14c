import { PageHeader } from '../../components/ui/page-header';

// Placeholder until the page lands.
export function BomDetailRoute() {
  return <PageHeader title="bom-detail" />;
}
