import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../testing/render';
import { AppLayout } from './app-layout';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('the sections', () => {
  it('show Sagas and Dead Letters to an SRE', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json([])),
    );
    renderWithProviders(<AppLayout />, { roles: ['sre'] });
    expect(screen.getByRole('link', { name: 'Sagas' })).toHaveAttribute('href', '/sagas');
    expect(screen.getByRole('link', { name: 'Dead Letters' })).toHaveAttribute('href', '/dead-letters');
  });

  it('hide them, and their Operations heading, from a planner', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json([])),
    );
    renderWithProviders(<AppLayout />, { roles: ['planner'] });
    expect(screen.getByRole('link', { name: 'Work Orders' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Sagas' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Dead Letters' })).not.toBeInTheDocument();
    expect(screen.queryByText('Operations')).not.toBeInTheDocument();
  });

  it('show Lot Trace, next to Inventory, to every role that may read stock', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json([])),
    );
    for (const role of ['picker', 'receiver', 'inventory-clerk', 'merchant-user', 'sre'] as const) {
      const { unmount } = renderWithProviders(<AppLayout />, { roles: [role] });
      expect(screen.getByRole('link', { name: 'Lot Trace' })).toHaveAttribute('href', '/lot-trace');
      unmount();
    }
  });

  it('show a merchant user its own reads, Inbound Orders included, and none of the warehouse’s or operations’ own', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json([])),
    );
    renderWithProviders(<AppLayout />, { roles: ['merchant-user'], merchantIds: ['acme'] });
    const links = screen.getAllByRole('link').map((link) => link.textContent);
    expect(links).toEqual(['Work Orders', 'BOMs', 'Material Picking', 'Inbound Orders', 'Inventory', 'Lot Trace', 'Products', 'Merchants', 'Warehouses']);
  });

  it('show each role exactly the pages ROUTE_ACCESS lets it read', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json([])),
    );
    const shown = (roles: Parameters<typeof renderWithProviders>[1]) => {
      const { unmount } = renderWithProviders(<AppLayout />, roles);
      const links = screen.getAllByRole('link').map((link) => link.textContent);
      unmount();
      return links;
    };
    expect(shown({ roles: ['picker'] })).toEqual([
      'Work Orders',
      'BOMs',
      'Material Picking',
      'Picking Lists',
      'Inventory',
      'Lot Trace',
      'Products',
      'Merchants',
      'Warehouses',
    ]);
    expect(shown({ roles: ['receiver'] })).toEqual(['Work Orders', 'BOMs', 'Inbound Orders', 'Inventory', 'Lot Trace', 'Products', 'Merchants', 'Warehouses']);
    // A scoped SRE token may read no saga nor dead letter: they are every merchant's.
    expect(shown({ roles: ['sre'], merchantIds: ['acme'] })).not.toContain('Sagas');
    expect(shown({ roles: ['sre'] })).toEqual(expect.arrayContaining(['Sagas', 'Dead Letters', 'Picking Lists', 'Inbound Orders']));
  });
});
