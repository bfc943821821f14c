import { PageHeader } from '../../components/ui/page-header';

// Placeholder until the page lands.
export function PickingListsRoute() {
  return <PageHeader title="picking-lists" />;
}
