import { Text, Timeline } from '@mantine/core';
import type { Saga } from '@wo/contracts/rest';
import { formatDateTime } from '../../../components/ui/format';

/** What a step-log detail says, as `name: value` pairs (message ids, types, reasons, trace ids as the coordinator logged them). */
export function stepDetailText(detail: Saga['steps'][number]['detail']): string {
  return Object.entries(detail)
    .map(
      ([name, value]) =>
        `${name}: ${Array.isArray(value) ? value.join(', ') : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`,
    )
    .join(' · ');
}

const troubled = new Set(['stuck', 'ignored']);

/** The saga's steps as a timeline, oldest first: sent, reply, resent, ignored, stuck, retried, finished. */
export function SagaTimeline({ steps }: { steps: Saga['steps'] }) {
  if (steps.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No steps recorded yet.
      </Text>
    );
  return (
    <Timeline active={steps.length - 1} bulletSize={14} lineWidth={2} aria-label="Steps">
      {steps.map((step, index) => {
        const detail = stepDetailText(step.detail);
        return (
          <Timeline.Item key={`${step.at}-${index}`} title={humanize(step.event)} color={troubled.has(step.event) ? 'red' : undefined}>
            {detail ? (
              <Text size="sm" c="dimmed" style={{ wordBreak: 'break-word' }}>
                {detail}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed" mt={2}>
              <time dateTime={step.at}>{formatDateTime(step.at)}</time>
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

function humanize(event: string): string {
  const words = event.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
