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

  it('breaks a lot-tracked SKU down by location and lot, marks an expired lot, and links each lot to its trace', async () => {
    const lots = (...entries: [string, string | null, boolean, number, number][]) =>
      entries.map(([lot, expiresOn, expired, onHand, reserved]) => ({ lot, expiresOn, expired, onHand, reserved, available: expired ? 0 : onHand - reserved }));
    const honey: StockRow = {
      warehouseId: 'wh-1',
      merchantId: 'm-1',
      sku: 'HONEY',
      lotTracked: true,
      onHand: 12,
      reserved: 4,
      available: 5,
      locations: [
        { locationCode: 'A-01', onHand: 3, reserved: 0, available: 0, lots: lots(['HNY-OLD', '2026-01-31', true, 3, 0]) },
        { locationCode: 'A-02', onHand: 9, reserved: 4, available: 5, lots: lots(['HNY-1', '2027-03-31', false, 6, 4], ['HNY-2', null, false, 3, 0]) },
      ],
    };
    const onAdjust = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<StockTable rows={[honey]} productNames={new Map()} onAdjust={onAdjust} />);
    expect(screen.getByText('Lot-tracked')).toBeInTheDocument();
    expect(screen.getByText('1 lot expired')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Show locations of HONEY' }));
    const breakdown = screen.getByRole('table', { name: 'Locations of HONEY' });
    expect(
      within(breakdown)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Location', 'Lot', 'Expires On', 'On Hand', 'Reserved', 'Available', '']);
    expect(
      within(breakdown)
        .getAllByRole('row')
        .slice(1)
        .map((tr) =>
          within(tr)
            .getAllByRole('cell')
            .slice(0, 6)
            .map((td) => td.textContent),
        ),
    ).toEqual([
      ['A-01', 'HNY-OLD', '2026-01-31Expired', '3', '0', '0'],
      ['A-02', 'HNY-1', '2027-03-31', '6', '4', '2'],
      ['A-02', 'HNY-2', '—', '3', '0', '3'],
    ]);
    expect(within(breakdown).getAllByText('Expired')).toHaveLength(1);
    expect(within(breakdown).getByRole('link', { name: 'HNY-1' })).toHaveAttribute('href', '/lot-trace?merchantId=m-1&sku=HONEY&lot=HNY-1&direction=up');
    await user.click(within(breakdown).getByRole('button', { name: 'Adjust HONEY lot HNY-2 at A-02' }));
    expect(onAdjust).toHaveBeenLastCalledWith(honey, 'A-02', 'HNY-2');
  });

  it('reads an answer without lots (inventory not yet answering them) as a SKU without lots', async () => {
    const old = { ...row, locations: row.locations.map(({ lots: _lots, ...location }) => location) } as unknown as StockRow;
    const user = userEvent.setup();
    renderWithProviders(<StockTable rows={[old]} productNames={names} onAdjust={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Show locations of CHOC-BAR' }));
    expect(within(screen.getByRole('table', { name: 'Locations of CHOC-BAR' })).queryByRole('columnheader', { name: 'Lot' })).not.toBeInTheDocument();
  });
});
