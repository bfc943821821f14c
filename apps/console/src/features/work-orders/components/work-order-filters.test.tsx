import { MantineProvider } from '@mantine/core';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Merchant, Product, WorkOrderStatus } from '@wo/contracts/rest';
import { useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { useWorkOrderFilters } from './use-work-order-filters';
import { WorkOrderFilters } from './work-order-filters';

const acme: Merchant = { id: 'm-acme', name: 'Acme Gifts', createdAt: '2026-12-01T08:00:00.000Z' };
const bolt: Merchant = { id: 'm-bolt', name: 'Bolt Toys', createdAt: '2026-12-01T08:00:00.000Z' };
const products: Product[] = [];

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function answerWith(merchants: Merchant[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      if (input.startsWith('/merchants')) return json(merchants);
      if (input.startsWith('/products')) return json(products);
      return json({ title: 'Not found', status: 404 }, 404);
    }),
  );
}

/** The filters wired to the URL as the page wires them, and the URL shown to assert on. */
function Harness({ capped = [] }: { capped?: WorkOrderStatus[] }) {
  const { filters, setFilter, clearFilters } = useWorkOrderFilters();
  const location = useLocation();
  return (
    <>
      <WorkOrderFilters
        filters={filters}
        onChange={setFilter}
        onClear={clearFilters}
        counts={{ DRAFT: 3, OUT_OF_STOCK: 1, ALLOCATED: 2, PROCESSING: 0, COMPLETED: capped.length ? 10_000 : 5, CANCELED: 0 }}
        cappedCounts={capped}
      />
      <output aria-label="URL">{location.search}</output>
    </>
  );
}

/**
 * renderWithProviders' Mantine keeps dropdowns mid-transition (display: none) in jsdom; the
 * nested provider's test env turns transitions off so options can be found as a person sees them.
 */
const render = (url: string, capped: WorkOrderStatus[] = []) =>
  renderWithProviders(
    <MantineProvider env="test">
      <Harness capped={capped} />
    </MantineProvider>,
    { url },
  );

const url = () => screen.getByRole('status', { name: 'URL' }).textContent;

describe('WorkOrderFilters', { timeout: 20_000 }, () => {
  beforeEach(() => answerWith([acme]));
  afterEach(() => vi.unstubAllGlobals());

  it('puts a search term in the URL on Enter and goes back to page 1', async () => {
    const user = userEvent.setup();
    render('/work-orders?status=DRAFT&page=3');
    await user.type(screen.getByRole('combobox', { name: 'Search' }), 'holiday{Enter}');
    expect(url()).toBe('?status=DRAFT&q=holiday');
    await user.type(screen.getByRole('combobox', { name: 'Input SKU' }), 'CHOC-BAR{Enter}GIFT-BOX{Enter}');
    expect(url()).toBe('?status=DRAFT&q=holiday&inputSku=CHOC-BAR&inputSku=GIFT-BOX');
  });

  it('offers the six statuses with their counts and adds the chosen one to the URL', async () => {
    const user = userEvent.setup();
    render('/work-orders');
    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    const options = await screen.findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['Draft3', 'Out of Stock1', 'Allocated2', 'Processing0', 'Completed5', 'Canceled0']);
    await user.click(screen.getByRole('option', { name: /Out of Stock/ }));
    expect(url()).toBe('?status=OUT_OF_STOCK');
  });

  it('shows a count the API capped as at least that many', async () => {
    const user = userEvent.setup();
    render('/work-orders', ['COMPLETED']);
    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    const options = await screen.findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['Draft3', 'Out of Stock1', 'Allocated2', 'Processing0', 'Completed10,000+', 'Canceled0']);
  });

  it('reads the filters back from a bookmarked URL, and Clear filters empties them', async () => {
    const user = userEvent.setup();
    render('/work-orders?q=WO-WH1-00001&outputSku=GIFT-SET-HOLIDAY&sort=createdAt');
    expect(screen.getByText('WO-WH1-00001')).toBeInTheDocument();
    expect(screen.getByText('GIFT-SET-HOLIDAY')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(url()).toBe('?sort=createdAt');
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
  });

  it('hides the Merchant filter when the system serves a single merchant', async () => {
    const { queryClient } = render('/work-orders');
    await waitFor(() => expect(queryClient.getQueryData(['merchants'])).toEqual([acme]));
    expect(screen.queryByRole('combobox', { name: 'Merchant' })).not.toBeInTheDocument();
  });

  it('shows the Merchant filter with two merchants and filters by the chosen one', async () => {
    answerWith([acme, bolt]);
    const user = userEvent.setup();
    render('/work-orders?page=2');
    await user.click(await screen.findByRole('combobox', { name: 'Merchant' }));
    await user.click(await screen.findByRole('option', { name: 'Bolt Toys' }));
    expect(url()).toBe('?merchantId=m-bolt');
  });
});
