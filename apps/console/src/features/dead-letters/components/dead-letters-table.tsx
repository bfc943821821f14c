import { Anchor, Table, Text } from '@mantine/core';
import type { DeadLetterSummary } from '@wo/contracts/rest';
import { Link } from 'react-router';
import { formatDateTime } from '../../../components/ui/format';
import { DeadLetterStatusBadge } from '../status';

export function DeadLettersTable({ deadLetters }: { deadLetters: readonly DeadLetterSummary[] }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Dead Lettered</Table.Th>
            <Table.Th>Topic</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Key</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deadLetters.map((letter) => (
            <Table.Tr key={letter.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/dead-letters/${letter.id}`} size="sm" fw={600}>
                  {formatDateTime(letter.deadLetteredAt)}
                </Anchor>
              </Table.Td>
              <Table.Td ff="monospace" fz="sm">
                {letter.topic}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{letter.reason}</Text>
                <Text size="xs" c="dimmed" lineClamp={1} maw={320} title={letter.detail}>
                  {letter.detail}
                </Text>
              </Table.Td>
              <Table.Td fz="sm">{letter.messageType ?? '—'}</Table.Td>
              <Table.Td ff="monospace" fz="xs" maw={220} style={{ wordBreak: 'break-all' }}>
                {letter.key ?? '—'}
              </Table.Td>
              <Table.Td>
                <DeadLetterStatusBadge status={letter.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
