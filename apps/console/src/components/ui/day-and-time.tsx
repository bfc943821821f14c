import { Text } from '@mantine/core';

/** A moment in the operator's zone as the day over the time: a table column of moments stays narrow. */
export function DayAndTime({ value }: { value: string }) {
  const date = new Date(value);
  return (
    <time dateTime={value} style={{ whiteSpace: 'nowrap' }}>
      <Text size="sm" component="span" display="block">
        {date.toLocaleDateString(undefined, { year: 'numeric', month: '2-digit', day: '2-digit' })}
      </Text>
      <Text size="xs" c="dimmed" component="span" display="block">
        {date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}
      </Text>
    </time>
  );
}
