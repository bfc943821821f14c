import { Alert, Button, Code, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { DeadLetter } from '@wo/contracts/rest';
import { useState } from 'react';
import { Fact } from '../../../components/ui/fact';
import { formatDateTime } from '../../../components/ui/format';
import { PageHeader } from '../../../components/ui/page-header';
import { describeError } from '../../../components/ui/states';
import { useMay } from '../../auth/permissions';
import { useReplayDeadLetter } from '../api/replay-dead-letter';
import { DeadLetterStatusBadge } from '../status';

/** One dead letter: why and where it died, the original headers and payload, and Replay (asks first) while it is dead. */
export function DeadLetterDetail({ deadLetter }: { deadLetter: DeadLetter }) {
  const replay = useReplayDeadLetter(deadLetter.id);
  const [confirming, setConfirming] = useState(false);
  const mayReplay = useMay()('deadLetters.replay') && deadLetter.status === 'DEAD';
  const payload = deadLetter.message === undefined ? deadLetter.value : JSON.stringify(deadLetter.message, null, 2);
  const headers = Object.entries(deadLetter.headers);
  return (
    <Stack gap="md">
      <PageHeader title="Dead letter" description={deadLetter.id} actions={mayReplay ? <Button onClick={() => setConfirming(true)}>Replay</Button> : null} />
      {replay.isError ? (
        <Alert color="red" title="The replay was refused" role="alert">
          {describeError(replay.error)}
        </Alert>
      ) : null}
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
          <Fact label="Status">
            <DeadLetterStatusBadge status={deadLetter.status} />
          </Fact>
          <Fact label="Topic">{deadLetter.topic}</Fact>
          <Fact label="Reason">{deadLetter.reason}</Fact>
          <Fact label="Type">{deadLetter.messageType ?? '—'}</Fact>
          <Fact label="Key">{deadLetter.key ?? '—'}</Fact>
          <Fact label="Source">{deadLetter.source}</Fact>
          <Fact label="Consumer Group">{deadLetter.consumerGroup}</Fact>
          <Fact label="Dead Lettered">{formatDateTime(deadLetter.deadLetteredAt)}</Fact>
          {deadLetter.status === 'REPLAYED' ? (
            <Fact label="Replayed">
              {formatDateTime(deadLetter.replayedAt)} by {deadLetter.replayedBy}
            </Fact>
          ) : null}
        </SimpleGrid>
        <Text size="sm" mt="md" style={{ wordBreak: 'break-word' }}>
          {deadLetter.detail}
        </Text>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="dead-letter-headers">
        <Title order={4} mb="sm" id="dead-letter-headers">
          Headers
        </Title>
        {headers.length === 0 ? (
          <Text size="sm" c="dimmed">
            The message had no headers.
          </Text>
        ) : (
          <Table verticalSpacing={4} aria-labelledby="dead-letter-headers">
            <Table.Tbody>
              {headers.map(([name, value]) => (
                <Table.Tr key={name}>
                  <Table.Th scope="row" ff="monospace" fz="xs" w={220}>
                    {name}
                  </Table.Th>
                  <Table.Td ff="monospace" fz="xs" style={{ wordBreak: 'break-all' }}>
                    {value}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="dead-letter-payload">
        <Title order={4} mb="sm" id="dead-letter-payload">
          Payload
        </Title>
        {payload === null ? (
          <Text size="sm" c="dimmed">
            The message had no value.
          </Text>
        ) : (
          <Code block aria-label={deadLetter.message === undefined ? 'Payload as text (not JSON)' : 'Payload'}>
            {payload}
          </Code>
        )}
      </Paper>

      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Replay this message?" centered>
        <Stack gap="md">
          <Text size="sm">
            The original message goes back to {deadLetter.topic} with its key and headers, once. Fix its cause first: a message that still cannot be processed
            comes back here as a new dead letter. A message that was in fact processed is dropped by its consumer.
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep
            </Button>
            <Button loading={replay.isPending} onClick={() => replay.mutate(undefined, { onSettled: () => setConfirming(false) })}>
              Replay Message
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
