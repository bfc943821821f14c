import { PageHeader } from '../../components/ui/page-header';

// Placeholder until the page lands.
export function PickingListDetailRoute() {
  return <PageHeader title="picking-list-detail" />;
}
