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
  putaways: [{ sku: 'GIFT-SET', lot: 'GS-2027-A', locationCode: 'FG-01', quantity: 2, at: '2026-12-01T09:00:00.000Z', refused: null }],
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
    ).toEqual(['SKU', 'Lot', 'Location', 'Quantity', 'At', 'Outcome']);
    expect(cells(putaways)[0]!.slice(0, 4)).toEqual(['GIFT-SET', 'GS-2027-A', 'FG-01', '2']);
    expect(cells(putaways)[0]![5]).toBe('Shelved');
    expect(screen.queryByRole('alert', { name: /refused/ })).toBeNull();
  });

  it('shows a putaway inventory refused, with the reason, so the receiver puts the goods away elsewhere', () => {
    vi.stubGlobal('fetch', vi.fn());
    const reason = 'FG-01 holds 2147483646 of GIFT-SET: at most 1 more fit in one bin, not 2';
    const refusedOrder: InboundOrder = {
      ...order,
      lines: [{ ...order.lines[0]!, putAway: 0 }],
      putaways: [{ ...order.putaways[0]!, refused: { at: '2026-12-01T09:00:01.000Z', field: 'quantity', reason } }],
    };
    renderWithProviders(<InboundOrderDetail order={refusedOrder} locations={['FG-01', 'FG-02']} />, { roles: ['receiver'] });
    const alert = screen.getByRole('alert', { name: 'A putaway was refused' });
    expect(alert).toHaveTextContent(`2 GIFT-SET could not go to FG-01: ${reason}.`);
    expect(alert).toHaveTextContent('put them away at another location');
    expect(cells(screen.getByRole('table', { name: 'Putaways' }))[0]![5]).toBe(`Refused: ${reason}`);
    // The goods are the receiver's to put away again.
    expect(screen.getByRole('button', { name: /put away/i })).toBeInTheDocument();
  });

  it('shows a merchant user its inbound order read-only: no Receive, no Put Away, and who will put refused goods away', () => {
    vi.stubGlobal('fetch', vi.fn());
    const refusedOrder: InboundOrder = {
      ...order,
      lines: [{ ...order.lines[0]!, putAway: 0 }],
      putaways: [{ ...order.putaways[0]!, refused: { at: '2026-12-01T09:00:01.000Z', field: 'locationCode', reason: 'no location FG-01 in this warehouse' } }],
    };
    renderWithProviders(<InboundOrderDetail order={refusedOrder} locations={['FG-01']} />, { roles: ['merchant-user'], merchantIds: ['merchant-1'] });
    expect(screen.getByRole('table', { name: 'Inbound order lines' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /receive/i })).toBeNull();
    expect(screen.queryByRole('button', { name: /put away/i })).toBeNull();
    expect(screen.getByRole('alert', { name: 'A putaway was refused' })).toHaveTextContent('for the receiver to put away at another location');
  });

  it('offers Receive and Put Away to a receiver, but not to a receiver whose token is scoped to a merchant', () => {
    vi.stubGlobal('fetch', vi.fn());
    const { unmount } = renderWithProviders(<InboundOrderDetail order={order} locations={['FG-01']} />, { roles: ['receiver'] });
    expect(screen.getByRole('button', { name: /put away/i })).toBeInTheDocument();
    unmount();
    renderWithProviders(<InboundOrderDetail order={order} locations={['FG-01']} />, { roles: ['receiver'], merchantIds: ['merchant-1'] });
    expect(screen.queryByRole('button', { name: /put away/i })).toBeNull();
  });
});
