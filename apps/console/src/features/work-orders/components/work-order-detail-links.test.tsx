import { screen } from '@testing-library/react';
import type { Role } from '@wo/contracts/rest';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { WorkOrderDetailInbound } from './work-order-detail-inbound';
import { WorkOrderDetailPickingLists } from './work-order-detail-picking-lists';

const list = { id: 'a1b2c3d4-0000-0000-0000-000000000000', status: 'DONE' as const, picker: 'Pat', updatedAt: '2026-12-01T09:00:00.000Z' };
const inbound = { id: 'in-1', status: 'RECEIVED' as const, lines: [{ sku: 'GIFT-SET', lot: null, expiresOn: null, expected: 2, received: 2, putAway: 0 }] };
const merchantUser = { roles: ['merchant-user'] as Role[], merchantIds: ['merchant-1'] };

/** A work order's links to other pages open only for whoever ROUTE_ACCESS lets read them. */
describe('the work order detail’s links', () => {
  it('lets a merchant user open its inbound order, and see its picking list without opening it (a list may walk other merchants’ orders)', () => {
    renderWithProviders(
      <>
        <WorkOrderDetailPickingLists pickingLists={[list]} status="COMPLETED" />
        <WorkOrderDetailInbound merchantId="merchant-1" inboundOrder={inbound} />
      </>,
      merchantUser,
    );
    expect(screen.getByRole('link', { name: 'Open the inbound order' })).toHaveAttribute('href', '/inbound-orders/in-1');
    expect(screen.getByRole('cell', { name: /^PL-/ })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /^PL-/ })).toBeNull();
  });

  it('opens the picking list for a picker, but not the inbound order, which a picker may not read', () => {
    renderWithProviders(
      <>
        <WorkOrderDetailPickingLists pickingLists={[list]} status="COMPLETED" />
        <WorkOrderDetailInbound merchantId="merchant-1" inboundOrder={inbound} />
      </>,
      { roles: ['picker'] },
    );
    expect(screen.getByRole('link', { name: /^PL-/ })).toHaveAttribute('href', `/picking-lists/${list.id}`);
    expect(screen.queryByRole('link', { name: 'Open the inbound order' })).toBeNull();
  });

  it('points only a picker to Material Picking when an Allocated order has no list yet', () => {
    const { unmount } = renderWithProviders(<WorkOrderDetailPickingLists pickingLists={[]} status="ALLOCATED" />, { roles: ['picker'] });
    expect(screen.getByRole('link', { name: 'Material Picking' })).toHaveAttribute('href', '/material-picking');
    unmount();
    renderWithProviders(<WorkOrderDetailPickingLists pickingLists={[]} status="ALLOCATED" />, merchantUser);
    expect(screen.getByText('No picking list yet.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Material Picking' })).toBeNull();
  });
});
