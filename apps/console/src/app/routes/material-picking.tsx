import { PageHeader } from '../../components/ui/page-header';

// Placeholder until the page lands.
export function MaterialPickingRoute() {
  return <PageHeader title="material-picking" />;
}
