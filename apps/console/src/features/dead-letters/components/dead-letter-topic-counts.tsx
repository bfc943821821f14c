import { Button, Table } from '@mantine/core';
import type { DeadLetterTopicCount } from '@wo/contracts/rest';

/** How many dead letters each topic has, waiting and replayed; a topic's name filters the list by it (again: all topics). */
export function DeadLetterTopicCounts({
  counts,
  topic,
  onTopic,
}: {
  counts: readonly DeadLetterTopicCount[];
  topic: string | undefined;
  onTopic: (topic: string | null) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing={4} aria-label="Dead letters per topic" maw={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Topic</Table.Th>
            <Table.Th ta="right">Dead</Table.Th>
            <Table.Th ta="right">Replayed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {counts.map((count) => (
            <Table.Tr key={count.topic}>
              <Table.Td>
                <Button
                  variant={count.topic === topic ? 'light' : 'subtle'}
                  size="compact-sm"
                  ff="monospace"
                  aria-pressed={count.topic === topic}
                  onClick={() => onTopic(count.topic === topic ? null : count.topic)}
                >
                  {count.topic}
                </Button>
              </Table.Td>
              <Table.Td ta="right" c={count.dead > 0 ? 'red' : undefined} fw={count.dead > 0 ? 600 : undefined}>
                {count.dead}
              </Table.Td>
              <Table.Td ta="right">{count.replayed}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
