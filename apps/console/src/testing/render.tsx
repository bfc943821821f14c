import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { theme } from '../app/theme';
import { CurrentWarehouseProvider } from '../features/warehouses/current-warehouse';

/** Renders a piece of the console with the app's providers, at a given URL. */
export function renderWithProviders(ui: ReactElement, { url = '/', warehouseId = 'warehouse-1' }: { url?: string; warehouseId?: string } = {}): RenderResult & { queryClient: QueryClient } {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const result = render(
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ firstDayOfWeek: 1 }}>
        <QueryClientProvider client={queryClient}>
          <CurrentWarehouseProvider initial={warehouseId}>
            <MemoryRouter initialEntries={[url]}>{ui}</MemoryRouter>
          </CurrentWarehouseProvider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>,
  );
  return { ...result, queryClient };
}
