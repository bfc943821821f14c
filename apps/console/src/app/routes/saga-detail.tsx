import { Anchor } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ErrorState, LoadingState } from '../../components/ui/states';
import { useSaga } from '../../features/sagas/api/get-saga';
import { SagaDetail } from '../../features/sagas/components/saga-detail';

export function SagaDetailRoute() {
  const { id = '' } = useParams();
  const saga = useSaga(id);
  return (
    <>
      <Anchor component={Link} to="/sagas" size="sm" mb="xs" display="inline-block">
        ← Sagas
      </Anchor>
      {saga.isPending ? (
        <LoadingState label="Loading saga…" />
      ) : saga.isError ? (
        <ErrorState error={saga.error} onRetry={() => void saga.refetch()} title="This saga could not be loaded" />
      ) : (
        <SagaDetail saga={saga.data} />
      )}
    </>
  );
}
