import type { InboundOrder } from '@wo/contracts/rest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { ReceiveForm } from './receive-form';

const order: InboundOrder = {
  id: 'in-1',
  source: 'WORK_ORDER',
  workOrderId: 'wo-1',
  reference: 'WO-0001',
  warehouseId: 'warehouse-1',
  merchantId: 'merchant-1',
  status: 'RECEIVING',
  lines: [
    { sku: 'GIFT-SET-HOLIDAY', lot: null, expiresOn: null, expected: 5, received: 2, putAway: 0 },
    { sku: 'TEA-SET', lot: null, expiresOn: null, expected: 3, received: 0, putAway: 0 },
    { sku: 'DONE-SET', lot: null, expiresOn: null, expected: 1, received: 1, putAway: 0 },
  ],
  putaways: [],
  createdAt: '2026-12-01T08:00:00.000Z',
  updatedAt: '2026-12-01T08:00:00.000Z',
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('ReceiveForm', () => {
  it('defaults each line to what is still expected and leaves finished lines out', () => {
    vi.stubGlobal('fetch', vi.fn());
    renderWithProviders(<ReceiveForm order={order} onReceived={() => undefined} />);
    expect(screen.getByRole('textbox', { name: 'Receive GIFT-SET-HOLIDAY' })).toHaveValue('3');
    expect(screen.getByRole('textbox', { name: 'Receive TEA-SET' })).toHaveValue('3');
    expect(screen.queryByRole('textbox', { name: 'Receive DONE-SET' })).not.toBeInTheDocument();
  });

  it('sends a partial receipt without the lines set to 0', async () => {
    const fetchMock = vi.fn(async () => json(order));
    vi.stubGlobal('fetch', fetchMock);
    const onReceived = vi.fn();
    renderWithProviders(<ReceiveForm order={order} onReceived={onReceived} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Receive GIFT-SET-HOLIDAY' }), { target: { value: '2' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Receive TEA-SET' }), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Receive' }));
    await waitFor(() => expect(onReceived).toHaveBeenCalledWith(2));
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/inbound-orders/in-1/receive');
    expect(JSON.parse(String(init.body))).toEqual({ lines: [{ sku: 'GIFT-SET-HOLIDAY', quantity: 2 }] });
  });

  it('shows an over-receipt next to the line it belongs to', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(
          {
            title: 'Bad Request',
            status: 400,
            detail: 'The receipt does not match the inbound order.',
            errors: [{ field: 'lines[0].quantity', message: 'over-receipt: 3 of TEA-SET still expected, 9 received' }],
          },
          400,
        ),
      ),
    );
    renderWithProviders(<ReceiveForm order={order} onReceived={() => undefined} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Receive GIFT-SET-HOLIDAY' }), { target: { value: '0' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Receive TEA-SET' }), { target: { value: '9' } });
    fireEvent.click(screen.getByRole('button', { name: 'Receive' }));
    const field = screen.getByRole('textbox', { name: 'Receive TEA-SET' });
    await waitFor(() => expect(field).toHaveAccessibleDescription(/over-receipt/));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: 'Receive GIFT-SET-HOLIDAY' })).not.toHaveAccessibleDescription(/over-receipt/);
  });
});
