import { Anchor } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ErrorState, LoadingState } from '../../components/ui/states';
import { useDeadLetter } from '../../features/dead-letters/api/get-dead-letter';
import { DeadLetterDetail } from '../../features/dead-letters/components/dead-letter-detail';

export function DeadLetterDetailRoute() {
  const { id = '' } = useParams();
  const deadLetter = useDeadLetter(id);
  return (
    <>
      <Anchor component={Link} to="/dead-letters" size="sm" mb="xs" display="inline-block">
        ← Dead Letters
      </Anchor>
      {deadLetter.isPending ? (
        <LoadingState label="Loading dead letter…" />
      ) : deadLetter.isError ? (
        <ErrorState error={deadLetter.error} onRetry={() => void deadLetter.refetch()} title="This dead letter could not be loaded" />
      ) : (
        <DeadLetterDetail deadLetter={deadLetter.data} />
      )}
    </>
  );
}
