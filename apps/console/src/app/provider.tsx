import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { CurrentWarehouseProvider } from '../features/warehouses/current-warehouse';
import { createQueryClient } from '../lib/query-client';
import { theme } from './theme';

const queryClient = createQueryClient();

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ firstDayOfWeek: 1 }}>
        <QueryClientProvider client={queryClient}>
          <CurrentWarehouseProvider>{children}</CurrentWarehouseProvider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
