import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Product } from '@wo/contracts/rest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { NewProductModal } from './new-product-modal';
import { ProductsTable } from './products-table';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const product = (sku: string, lotTracked: boolean): Product => ({
  id: sku,
  merchantId: 'm-1',
  sku,
  name: `${sku} name`,
  lotTracked,
  createdAt: '2026-12-01T08:00:00.000Z',
});

afterEach(() => vi.unstubAllGlobals());

describe('New Product', () => {
  it('registers a lot-tracked product when Lot-tracked is ticked', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.startsWith('/merchants')) return json([{ id: 'm-1', name: 'Acme Gifts', createdAt: '2026-12-01T08:00:00.000Z' }]);
      if (init?.method === 'POST') return json(product('HONEY', true), 201);
      return json([]);
    });
    vi.stubGlobal('fetch', fetchMock);
    const onCreated = vi.fn();
    renderWithProviders(<NewProductModal opened onClose={() => undefined} onCreated={onCreated} />);
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getByRole('combobox', { name: /Merchant/ })).toHaveValue('Acme Gifts'));
    const lotTracked = within(dialog).getByRole('checkbox', { name: 'Lot-tracked' });
    expect(lotTracked).not.toBeChecked();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /SKU/ }), { target: { value: 'HONEY' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Name/ }), { target: { value: 'Wildflower honey' } });
    fireEvent.click(lotTracked);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    const [, init] = fetchMock.mock.calls.find(([, request]) => request?.method === 'POST')!;
    expect(JSON.parse(String(init?.body))).toEqual({ merchantId: 'm-1', sku: 'HONEY', name: 'Wildflower honey', lotTracked: true });
  });
});

describe('ProductsTable', () => {
  it('says which products are lot-tracked', () => {
    renderWithProviders(<ProductsTable products={[product('HONEY', true), product('BOX', false)]} />);
    expect(screen.getByRole('columnheader', { name: 'Lot-tracked' })).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /HONEY/ })).getByText('Lot-tracked')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /BOX/ })).getByText('No')).toBeInTheDocument();
  });
});
