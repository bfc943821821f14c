import { Text, Timeline } from '@mantine/core';
import type { WorkOrderDetail } from '@wo/contracts/rest';
import { formatDateTime } from '../../../components/ui/format';
import { historyActorText, humanizeEvent, summarizeHistoryDetail } from './work-order-detail-history-text';
import { WorkOrderDetailSection } from './work-order-detail-section';

/** What happened to the order, oldest first, as the service recorded it. */
export function WorkOrderDetailHistory({ history }: { history: WorkOrderDetail['history'] }) {
  return (
    <WorkOrderDetailSection title="History">
      {history.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing recorded yet.
        </Text>
      ) : (
        <Timeline active={history.length - 1} bulletSize={14} lineWidth={2}>
          {history.map((entry, index) => {
            const summary = summarizeHistoryDetail(entry);
            const actor = historyActorText(entry);
            return (
              <Timeline.Item key={`${entry.at}-${index}`} title={humanizeEvent(entry.event)} color={entry.event === 'outOfStock' ? 'red' : undefined}>
                {summary ? (
                  <Text size="sm" c="dimmed">
                    {summary}
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed" mt={2}>
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  {actor ? ` ${actor}` : null}
                </Text>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </WorkOrderDetailSection>
  );
}
