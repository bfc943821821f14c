import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { StockRow } from '@wo/contracts/rest';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { productKey } from '../stock';
import { StockTable } from './stock-table';

const row: StockRow = {
  warehouseId: 'wh-1',
  merchantId: 'm-1',
  sku: 'CHOC-BAR',
  lotTracked: false,
  onHand: 150,
  reserved: 150,
  available: 0,
  locations: [
    { locationCode: 'A-01', onHand: 100, reserved: 100, available: 0, lots: [] },
    { locationCode: 'A-02', onHand: 50, reserved: 50, available: 0, lots: [] },
  ],
};
const names = new Map([[productKey('m-1', 'CHOC-BAR'), 'Dark chocolate bar']]);

describe('StockTable', () => {
  it('shows the totals per SKU, and its per-location breakdown when opened', async () => {
    const user = userEvent.setup();
    renderWithProviders(<StockTable rows={[row]} productNames={names} onAdjust={vi.fn()} />);

    for (const name of ['SKU', 'Product', 'On Hand', 'Reserved', 'Available']) expect(screen.getByRole('columnheader', { name })).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Merchant' })).not.toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Dark chocolate bar' })).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Locations of CHOC-BAR' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Show locations of CHOC-BAR' }));

    const breakdown = screen.getByRole('table', { name: 'Locations of CHOC-BAR' });
    expect(within(breakdown).getByRole('columnheader', { name: 'Location' })).toBeInTheDocument();
    const rows = within(breakdown).getAllByRole('row').slice(1);
    expect(
      rows.map((tr) =>
        within(tr)
          .getAllByRole('cell')
          .slice(0, 3)
          .map((td) => td.textContent),
      ),
    ).toEqual([
      ['A-01', '100', '100'],
      ['A-02', '50', '50'],
    ]);
    expect(screen.getByRole('button', { name: 'Hide locations of CHOC-BAR' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('adjusts from a row, or from one of its locations', async () => {
    const onAdjust = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<StockTable rows={[row]} productNames={names} merchantName={() => 'Acme Gifts'} onAdjust={onAdjust} />);

    expect(screen.getByRole('columnheader', { name: 'Merchant' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Adjust' }));
    expect(onAdjust).toHaveBeenLastCalledWith(row);
    await user.click(screen.getByRole('button', { name: 'Show locations of CHOC-BAR' }));
    await user.click(screen.getByRole('button', { name: 'Adjust CHOC-BAR at A-02' }));
    expect(onAdjust).toHaveBeenLastCalledWith(row, 'A-02');
  });
});
