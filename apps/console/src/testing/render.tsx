import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { theme } from '../app/theme';
import type { Role } from '@wo/contracts/rest';
import { AuthContext } from '../features/auth/auth-context';
import { CurrentWarehouseProvider } from '../features/warehouses/current-warehouse';

/**
 * Renders a piece of the console with the app's providers, at a given URL, signed in with the
 * given roles (admin by default) and, for a merchant-scoped token, its merchants.
 */
export function renderWithProviders(
  ui: ReactElement,
  {
    url = '/',
    warehouseId = 'warehouse-1',
    roles = ['admin'],
    merchantIds = null,
  }: { url?: string; warehouseId?: string; roles?: readonly Role[]; merchantIds?: readonly string[] | null } = {},
): RenderResult & { queryClient: QueryClient } {
  const auth = { principal: { subject: 'test-user', name: 'Tess Tester', roles, merchantIds }, logout: () => undefined };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const result = render(
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ firstDayOfWeek: 1 }}>
        <QueryClientProvider client={queryClient}>
          <AuthContext.Provider value={auth}>
            <CurrentWarehouseProvider initial={warehouseId}>
              <MemoryRouter initialEntries={[url]}>{ui}</MemoryRouter>
            </CurrentWarehouseProvider>
          </AuthContext.Provider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>,
  );
  return { ...result, queryClient };
}
