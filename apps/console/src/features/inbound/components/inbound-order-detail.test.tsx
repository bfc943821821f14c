import type { InboundOrder } from '@wo/contracts/rest';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { InboundOrderDetail } from './inbound-order-detail';

const order: InboundOrder = {
  id: 'in-1',
  source: 'WORK_ORDER',
  workOrderId: 'wo-1',
  reference: 'WO-WH1-00001',
  warehouseId: 'warehouse-1',
  merchantId: 'merchant-1',
  status: 'RECEIVED',
  lines: [{ sku: 'GIFT-SET', lot: 'GS-2027-A', expiresOn: '2027-12-31', expected: 3, received: 3, putAway: 2 }],
  putaways: [{ sku: 'GIFT-SET', lot: 'GS-2027-A', locationCode: 'FG-01', quantity: 2, at: '2026-12-01T09:00:00.000Z' }],
  createdAt: '2026-12-01T08:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
};

const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );

afterEach(() => vi.unstubAllGlobals());

describe('InboundOrderDetail', () => {
  it('shows each line’s lot with its expiry, opening its trace, and the lot of each putaway', () => {
    vi.stubGlobal('fetch', vi.fn());
    renderWithProviders(<InboundOrderDetail order={order} locations={['FG-01']} />, { roles: ['planner'] });
    const lines = screen.getByRole('table', { name: 'Inbound order lines' });
    expect(cells(lines)[0]!.slice(0, 6)).toEqual(['GIFT-SET', 'GS-2027-A', '2027-12-31', '3', '3', '2']);
    expect(within(lines).getByRole('link', { name: 'GS-2027-A' })).toHaveAttribute(
      'href',
      '/lot-trace?merchantId=merchant-1&sku=GIFT-SET&lot=GS-2027-A&direction=down',
    );
    const putaways = screen.getByRole('table', { name: 'Putaways' });
    expect(
      within(putaways)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['SKU', 'Lot', 'Location', 'Quantity', 'At']);
    expect(cells(putaways)[0]!.slice(0, 4)).toEqual(['GIFT-SET', 'GS-2027-A', 'FG-01', '2']);
  });
});
