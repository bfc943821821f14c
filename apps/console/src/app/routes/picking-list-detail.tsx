import { Anchor } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ErrorState, LoadingState } from '../../components/ui/states';
import { usePickingList } from '../../features/picking/api/get-picking-list';
import { PickingListDetail } from '../../features/picking/components/picking-list-detail';

export function PickingListDetailRoute() {
  const { id = '' } = useParams();
  const list = usePickingList(id);
  return (
    <>
      <Anchor component={Link} to="/picking-lists" size="sm" mb="xs" display="inline-block">
        ← Picking Lists
      </Anchor>
      {list.isPending ? (
        <LoadingState label="Loading picking list…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} title="This picking list could not be loaded" />
      ) : (
        <PickingListDetail list={list.data} />
      )}
    </>
  );
}
