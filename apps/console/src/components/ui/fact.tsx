import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A labelled value in a detail page's header, as a term and its description. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} component="dl" m={0}>
      <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </Stack>
  );
}
