import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { StockMovement } from '@wo/contracts/rest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { MovementsTab } from './movements-tab';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

const movement = (id: string, sku: string, lot: string | null): StockMovement => ({
  id,
  warehouseId: 'wh-1',
  merchantId: 'm-1',
  sku,
  locationCode: 'A-01',
  quantity: 5,
  lot,
  kind: 'ADJUSTMENT',
  reason: 'restock',
  reference: null,
  createdAt: `2026-12-01T08:00:0${id}.000Z`,
});

afterEach(() => vi.unstubAllGlobals());

describe('MovementsTab', () => {
  it('shows the lot of each movement, and filters the ledger by lot', async () => {
    const fetchMock = vi.fn(async (url: string) => {
      if (url.startsWith('/inventory/movements'))
        return json(url.includes('lot=HNY-1') ? [movement('1', 'HONEY', 'HNY-1')] : [movement('1', 'HONEY', 'HNY-1'), movement('2', 'BOX', null)]);
      return json([]);
    });
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<MovementsTab warehouseId="wh-1" locations={['A-01']} />);

    const table = await screen.findByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Lot' })).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'HNY-1' })).toHaveAttribute('href', '/lot-trace?merchantId=m-1&sku=HONEY&lot=HNY-1&direction=up');
    expect(within(table).getByRole('row', { name: /BOX/ })).toHaveTextContent('—');

    await user.type(screen.getByRole('textbox', { name: 'Lot' }), 'HNY-1');
    await waitFor(() => expect(within(screen.getByRole('table')).queryByText('BOX')).not.toBeInTheDocument(), { timeout: 3000 });
    expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain('/inventory/movements?warehouseId=wh-1&lot=HNY-1');
  });
});
