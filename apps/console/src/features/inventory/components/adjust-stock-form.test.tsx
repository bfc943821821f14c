import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Warehouse } from '@wo/contracts/rest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { AdjustStockForm } from './adjust-stock-form';

const warehouse: Warehouse = { id: 'wh-1', code: 'WH1', name: 'Main warehouse', createdAt: '2026-01-01T00:00:00Z', locations: ['A-01', 'A-02'] };
const merchant = { id: 'm-1', name: 'Acme Gifts', createdAt: '2026-01-01T00:00:00Z' };
const product = { id: 'p-1', merchantId: 'm-1', sku: 'CHOC-BAR', name: 'Dark chocolate bar', lotTracked: false, createdAt: '2026-01-01T00:00:00Z' };
const honey = { id: 'p-2', merchantId: 'm-1', sku: 'HONEY', name: 'Wildflower honey', lotTracked: true, createdAt: '2026-01-01T00:00:00Z' };
/** HONEY in stock: lot HNY-1 (expiring 2027-03-31) at A-01. */
const honeyStock = {
  warehouseId: 'wh-1',
  merchantId: 'm-1',
  sku: 'HONEY',
  lotTracked: true,
  onHand: 5,
  reserved: 0,
  available: 5,
  locations: [
    {
      locationCode: 'A-01',
      onHand: 5,
      reserved: 0,
      available: 5,
      lots: [{ lot: 'HNY-1', expiresOn: '2027-03-31', expired: false, onHand: 5, reserved: 0, available: 5 }],
    },
  ],
};

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Answers the reads the form makes, and `adjustment` for the POST. */
function stubApi(adjustment: () => Response, products: unknown[] = [product], stock: unknown[] = []) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (init?.method === 'POST' && url === '/inventory/adjustments') return adjustment();
    if (url.startsWith('/merchants')) return json([merchant]);
    if (url.startsWith('/products')) return json(products);
    if (url.startsWith('/inventory')) return json(stock);
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
    await screen.findAllByText('Dark chocolate bar');
    // Not lot-tracked: no lot is asked for (the API would refuse one).
    expect(screen.queryByRole('combobox', { name: /^Lot/ })).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/Expires On/)).not.toBeInTheDocument();
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

  it('asks a lot-tracked SKU for its Lot and Expires On, and sends them', async () => {
    const fetchMock = stubApi(
      () =>
        json(
          {
            movementId: '9',
            warehouseId: 'wh-1',
            merchantId: 'm-1',
            sku: 'HONEY',
            locationCode: 'A-02',
            quantity: 5,
            lot: 'HNY-2',
            expiresOn: '2027-09-30',
            onHand: 5,
            reserved: 0,
          },
          201,
        ),
      [honey],
    );
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<AdjustStockForm warehouse={warehouse} prefill={{ sku: 'HONEY', locationCode: 'A-02' }} />);

    const lot = await screen.findByRole('combobox', { name: /^Lot/ }, { timeout: 3000 });
    await user.type(screen.getByRole('textbox', { name: /Quantity/ }), '5');
    await user.type(screen.getByRole('textbox', { name: /Reason/ }), 'restock');
    await user.click(screen.getByRole('button', { name: 'Save Adjustment' }));
    expect(lot).toHaveAccessibleDescription(/Enter the lot/);
    expect(postedBodies(fetchMock)).toEqual([]);

    await user.type(lot, 'HNY-2');
    fireEvent.change(screen.getByLabelText(/Expires On/), { target: { value: '2027-09-30' } });
    await user.click(screen.getByRole('button', { name: 'Save Adjustment' }));
    expect(await screen.findByText(/HONEY lot HNY-2 \(expires 2027-09-30\) at A-02/)).toBeInTheDocument();
    expect(postedBodies(fetchMock)).toEqual([
      {
        warehouseId: 'wh-1',
        merchantId: 'm-1',
        sku: 'HONEY',
        locationCode: 'A-02',
        quantity: 5,
        reason: 'restock',
        lot: { code: 'HNY-2', expiresOn: '2027-09-30' },
      },
    ]);
  }, 20_000);

  it('shows a known lot with its expiry, and the server’s lot errors at the Lot and Expires On fields', async () => {
    const fetchMock = stubApi(
      () =>
        json(
          {
            title: 'Invalid input',
            status: 400,
            errors: [
              { field: 'lot', message: 'lot HNY-1 is held by another warehouse' },
              { field: 'lot.expiresOn', message: 'lot HNY-1 expires on 2027-03-31' },
            ],
          },
          400,
        ),
      [honey],
      [honeyStock],
    );
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<AdjustStockForm warehouse={warehouse} prefill={{ sku: 'HONEY', locationCode: 'A-01', lot: 'HNY-1' }} />);

    const expires = await screen.findByLabelText(/Expires On/, {}, { timeout: 3000 });
    await waitFor(() => expect(expires).toHaveValue('2027-03-31'));
    expect(expires).toHaveAttribute('readonly');
    await user.type(screen.getByRole('textbox', { name: /Quantity/ }), '-1');
    await user.type(screen.getByRole('textbox', { name: /Reason/ }), 'damaged');
    await user.click(screen.getByRole('button', { name: 'Save Adjustment' }));

    const lot = screen.getByRole('combobox', { name: /^Lot/ });
    await waitFor(() => expect(lot).toHaveAccessibleDescription(/held by another warehouse/));
    expect(lot).toHaveAttribute('aria-invalid', 'true');
    expect(expires).toHaveAccessibleDescription(/expires on 2027-03-31/);
    expect(postedBodies(fetchMock)).toEqual([
      {
        warehouseId: 'wh-1',
        merchantId: 'm-1',
        sku: 'HONEY',
        locationCode: 'A-01',
        quantity: -1,
        reason: 'damaged',
        lot: { code: 'HNY-1', expiresOn: '2027-03-31' },
      },
    ]);
  }, 20_000);
});
