import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Warehouse } from '@wo/contracts/rest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { AdjustStockForm } from './adjust-stock-form';

const warehouse: Warehouse = { id: 'wh-1', code: 'WH1', name: 'Main warehouse', createdAt: '2026-01-01T00:00:00Z', locations: ['A-01', 'A-02'] };
const merchant = { id: 'm-1', name: 'Acme Gifts', createdAt: '2026-01-01T00:00:00Z' };
const product = { id: 'p-1', merchantId: 'm-1', sku: 'CHOC-BAR', name: 'Dark chocolate bar', lotTracked: false, createdAt: '2026-01-01T00:00:00Z' };

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Answers the reads the form makes, and `adjustment` for the POST. */
function stubApi(adjustment: () => Response) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (init?.method === 'POST' && url === '/inventory/adjustments') return adjustment();
    if (url.startsWith('/merchants')) return json([merchant]);
    if (url.startsWith('/products')) return json([product]);
    if (url.startsWith('/inventory')) return json([]);
    return json({ title: 'Not Found', status: 404 }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function postedBodies(fetchMock: ReturnType<typeof stubApi>): unknown[] {
  return fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST').map(([, init]) => JSON.parse(String(init?.body)));
}

describe('AdjustStockForm', () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it('sends a restock with the single merchant filled in, and shows the new level', async () => {
    const fetchMock = stubApi(() =>
      json({ movementId: '9', warehouseId: 'wh-1', merchantId: 'm-1', sku: 'CHOC-BAR', locationCode: 'A-02', quantity: 30, onHand: 150, reserved: 10 }, 201),
    );
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<AdjustStockForm warehouse={warehouse} prefill={{ sku: 'CHOC-BAR', locationCode: 'A-02' }} />);

    await waitFor(() => expect(screen.getByRole('combobox', { name: /Merchant/ })).toHaveValue('Acme Gifts'), { timeout: 3000 });
    await user.type(screen.getByRole('textbox', { name: /Quantity/ }), '30');
    await user.type(screen.getByRole('textbox', { name: /Reason/ }), 'restock');
    await user.click(screen.getByRole('button', { name: 'Save Adjustment' }));

    expect(await screen.findByText(/now 150 on hand \(10 reserved, 140 available\)/)).toBeInTheDocument();
    expect(postedBodies(fetchMock)).toEqual([
      { warehouseId: 'wh-1', merchantId: 'm-1', sku: 'CHOC-BAR', locationCode: 'A-02', quantity: 30, reason: 'restock' },
    ]);
  }, 20_000);

  it('shows a 400 problem field error next to its field', async () => {
    stubApi(() => json({ title: 'Invalid input', status: 400, errors: [{ field: 'sku', message: 'unknown SKU NOPE for merchant m-1' }] }, 400));
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<AdjustStockForm warehouse={warehouse} prefill={{ sku: 'NOPE', locationCode: 'A-01' }} />);

    await waitFor(() => expect(screen.getByRole('combobox', { name: /Merchant/ })).toHaveValue('Acme Gifts'), { timeout: 3000 });
    await user.type(screen.getByRole('textbox', { name: /Quantity/ }), '-2');
    await user.type(screen.getByRole('textbox', { name: /Reason/ }), 'count correction');
    await user.click(screen.getByRole('button', { name: 'Save Adjustment' }));

    const sku = screen.getByRole('combobox', { name: /SKU/ });
    await waitFor(() => expect(sku).toHaveAccessibleDescription(/unknown SKU NOPE/));
    expect(sku).toHaveAttribute('aria-invalid', 'true');
  }, 20_000);

  it('does not send a zero quantity', async () => {
    const fetchMock = stubApi(() => json({}, 201));
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<AdjustStockForm warehouse={warehouse} prefill={{ sku: 'CHOC-BAR', locationCode: 'A-01' }} />);

    await waitFor(() => expect(screen.getByRole('combobox', { name: /Merchant/ })).toHaveValue('Acme Gifts'), { timeout: 3000 });
    await user.type(screen.getByRole('textbox', { name: /Quantity/ }), '0');
    await user.type(screen.getByRole('textbox', { name: /Reason/ }), 'restock');
    await user.click(screen.getByRole('button', { name: 'Save Adjustment' }));

    expect(screen.getByRole('textbox', { name: /Quantity/ })).toHaveAccessibleDescription(/Must not be zero/);
    expect(postedBodies(fetchMock)).toEqual([]);
  }, 20_000);
});
