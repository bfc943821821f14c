import { PageHeader } from '../../components/ui/page-header';

// Placeholder until the page lands.
export function BomsRoute() {
  return <PageHeader title="boms" />;
}
