import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Merchant, WorkOrderListItem, WorkOrderSort } from '@wo/contracts/rest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { WorkOrdersTable } from './work-orders-table';

const acme: Merchant = { id: 'm-acme', name: 'Acme Gifts', createdAt: '2026-12-01T08:00:00.000Z' };
const bolt: Merchant = { id: 'm-bolt', name: 'Bolt Toys', createdAt: '2026-12-01T08:00:00.000Z' };

const items: WorkOrderListItem[] = [
  {
    id: 'wo-2',
    status: 'ALLOCATED',
    pendingAction: 'releasing',
    name: 'Chocolate sampler boxes',
    number: 'WO-WH1-00002',
    merchantId: 'm-bolt',
    warehouseId: 'w1',
    scheduledAt: '2026-12-20T00:00:00.000Z',
    priority: 'URGENT',
    createdAt: '2026-12-01T08:48:00.000Z',
  },
  {
    id: 'wo-1',
    status: 'DRAFT',
    pendingAction: null,
    name: 'Holiday gift sets',
    number: 'WO-WH1-00001',
    merchantId: 'm-acme',
    warehouseId: 'w1',
    scheduledAt: null,
    priority: 'NORMAL',
    createdAt: '2026-12-01T08:47:00.000Z',
  },
];

function serveMerchants(merchants: Merchant[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(merchants), { status: 200, headers: { 'content-type': 'application/json' } })),
  );
}

function renderTable(sort: WorkOrderSort = '-createdAt', onSortChange = vi.fn()) {
  const { queryClient } = renderWithProviders(<WorkOrdersTable items={items} sort={sort} onSortChange={onSortChange} />, { url: '/work-orders' });
  return { onSortChange, merchantsLoaded: () => waitFor(() => expect(queryClient.getQueryData(['merchants'])).toBeDefined()) };
}

describe('WorkOrdersTable', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows each order's name as a link to its detail, with its number below", async () => {
    serveMerchants([acme]);
    renderTable();
    const link = screen.getByRole('link', { name: 'Holiday gift sets' });
    expect(link).toHaveAttribute('href', '/work-orders/wo-1');
    const nameCell = link.closest('td')!;
    expect(within(nameCell).getByText('WO-WH1-00001')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Chocolate sampler boxes' })).toHaveAttribute('href', '/work-orders/wo-2');
  });

  it('shows the status with the step in flight, and the dates', () => {
    serveMerchants([acme]);
    renderTable();
    const [, first, second] = screen.getAllByRole('row');
    expect(within(first!).getByText('Allocated')).toBeInTheDocument();
    expect(within(first!).getByText('Releasing…')).toBeInTheDocument();
    expect(within(first!).getByText('2026-12-20')).toBeInTheDocument();
    expect(within(second!).getByText('Draft')).toBeInTheDocument();
    expect(within(second!).getByText('—')).toBeInTheDocument();
  });

  it('hides the Merchant column when the system serves a single merchant', async () => {
    serveMerchants([acme]);
    await renderTable().merchantsLoaded();
    expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Status', 'Name', 'Priority', 'Scheduled At', 'Created At']);
  });

  it('shows the Merchant column, by name, when there are two merchants', async () => {
    serveMerchants([acme, bolt]);
    renderTable();
    expect(await screen.findByRole('columnheader', { name: 'Merchant' })).toBeInTheDocument();
    const [, first, second] = screen.getAllByRole('row');
    expect(within(first!).getByText('Bolt Toys')).toBeInTheDocument();
    expect(within(second!).getByText('Acme Gifts')).toBeInTheDocument();
    expect(within(first!).getByRole('cell', { name: 'Urgent' })).toBeInTheDocument();
  });

  it('sorts by Created At from its header, saying which way it is sorted', async () => {
    serveMerchants([acme]);
    const user = userEvent.setup();
    const { onSortChange } = renderTable('-createdAt');
    expect(screen.getByRole('columnheader', { name: 'Created At' })).toHaveAttribute('aria-sort', 'descending');
    await user.click(screen.getByRole('button', { name: 'Created At' }));
    expect(onSortChange).toHaveBeenCalledWith('createdAt');
  });

  it('turns oldest-first back to newest-first', async () => {
    serveMerchants([acme]);
    const user = userEvent.setup();
    const { onSortChange } = renderTable('createdAt');
    expect(screen.getByRole('columnheader', { name: 'Created At' })).toHaveAttribute('aria-sort', 'ascending');
    await user.click(screen.getByRole('button', { name: 'Created At' }));
    expect(onSortChange).toHaveBeenCalledWith('-createdAt');
  });
});
