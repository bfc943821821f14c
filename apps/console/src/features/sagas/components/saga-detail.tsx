import { Alert, Button, Code, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import type { Saga } from '@wo/contracts/rest';
import { Fact } from '../../../components/ui/fact';
import { formatDateTime } from '../../../components/ui/format';
import { PageHeader } from '../../../components/ui/page-header';
import { describeError } from '../../../components/ui/states';
import { useMay } from '../../auth/permissions';
import { WorkOrderLink } from '../../picking/components/work-order-link';
import { useRetrySaga } from '../api/retry-saga';
import { SagaStateBadge, sagaTypeLabels } from '../status';
import { SagaTimeline } from './saga-timeline';

/** One saga: where it stands, its step log as a timeline, and Retry for one that has not finished (to those who may). */
export function SagaDetail({ saga }: { saga: Saga }) {
  const retry = useRetrySaga(saga.id);
  const mayRetry = useMay()('sagas.retry') && saga.state !== 'FINISHED';
  return (
    <Stack gap="md">
      <PageHeader
        title={`${sagaTypeLabels[saga.type]} saga`}
        description={saga.id}
        actions={
          mayRetry ? (
            <Button color={saga.state === 'STUCK' ? 'red' : undefined} loading={retry.isPending} onClick={() => retry.mutate()}>
              Retry
            </Button>
          ) : null
        }
      />
      {retry.isError ? (
        <Alert color="red" title="The retry was refused" role="alert">
          {describeError(retry.error)}
        </Alert>
      ) : retry.isSuccess ? (
        <Alert color="green" title="Retried" role="status">
          The pending commands were sent again, with a fresh deadline.
        </Alert>
      ) : null}
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
          <Fact label="State">
            <SagaStateBadge state={saga.state} />
          </Fact>
          <Fact label="Work Order">
            <WorkOrderLink id={saga.workOrderId} withName />
          </Fact>
          <Fact label="Phase">{saga.phase}</Fact>
          <Fact label="Attempts">{saga.stepAttempts}</Fact>
          <Fact label="Started">{formatDateTime(saga.createdAt)}</Fact>
          <Fact label="Updated">{formatDateTime(saga.updatedAt)}</Fact>
          <Fact label="Next resend">{formatDateTime(saga.state === 'FINISHED' ? null : saga.deadlineAt)}</Fact>
          <Fact label={saga.state === 'FINISHED' ? 'Finished' : 'Stuck after'}>
            {formatDateTime(saga.state === 'FINISHED' ? saga.finishedAt : saga.expiresAt)}
          </Fact>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="saga-steps">
        <Title order={4} mb="sm" id="saga-steps">
          Timeline
        </Title>
        <SagaTimeline steps={saga.steps} />
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="saga-data">
        <Title order={4} mb="sm" id="saga-data">
          Data
        </Title>
        <Code block>{JSON.stringify(saga.data, null, 2)}</Code>
      </Paper>
    </Stack>
  );
}
