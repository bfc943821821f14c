import type { PickingList, PickingListLine } from '@wo/contracts/rest';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { PickingListDetail } from './picking-list-detail';

const line = (position: number, locationCode: string, sku: string, lot: string | null, expiresOn: string | null): PickingListLine => ({
  position,
  locationCode,
  sku,
  quantity: 2,
  lot,
  expiresOn,
  picked: 0,
  workOrderId: 'wo-1',
  lineId: `line-${position}`,
});

const list = (lines: PickingListLine[]): PickingList => ({
  id: 'list-1',
  warehouseId: 'warehouse-1',
  status: 'CREATED',
  picker: null,
  workOrderIds: ['wo-1'],
  progress: { picked: 0, total: lines.length * 2 },
  lines,
  createdAt: '2026-12-01T08:00:00.000Z',
  updatedAt: '2026-12-01T08:00:00.000Z',
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const cellsOf = () =>
  within(screen.getByRole('table', { name: 'Picking list lines' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .slice(0, 6)
        .map((cell) => cell.textContent),
    );

afterEach(() => vi.unstubAllGlobals());

describe('PickingListDetail', () => {
  it('names the lot to take at each stop of a lot-tracked material, with its expiry', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ title: 'Not Found', status: 404 }, 404)),
    );
    renderWithProviders(<PickingListDetail list={list([line(1, 'A-02', 'HONEY', 'HNY-1', '2027-03-31'), line(0, 'A-01', 'BOX', null, null)])} />);
    const table = screen.getByRole('table', { name: 'Picking list lines' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['#', 'Location', 'SKU', 'Lot', 'Expires On', 'Quantity', 'Work Order']);
    expect(cellsOf()).toEqual([
      ['1', 'A-01', 'BOX', '—', '—', '2'],
      ['2', 'A-02', 'HONEY', 'HNY-1', '2027-03-31', '2'],
    ]);
  });

  it('leaves the Lot columns out when no stop has a lot', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ title: 'Not Found', status: 404 }, 404)),
    );
    renderWithProviders(<PickingListDetail list={list([line(0, 'A-01', 'BOX', null, null)])} />);
    expect(screen.queryByRole('columnheader', { name: 'Lot' })).not.toBeInTheDocument();
  });
});
