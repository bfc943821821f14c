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

  it('prefills each line with the lot it expects, and sends the lot printed on the goods in its place', async () => {
    const finished: InboundOrder = {
      ...order,
      status: 'PENDING',
      lines: [
        { sku: 'GIFT-SET-HOLIDAY', lot: 'WO-WH1-00001', expiresOn: null, expected: 5, received: 0, putAway: 0 },
        { sku: 'TEA-SET', lot: 'WO-WH1-00001', expiresOn: null, expected: 3, received: 0, putAway: 0 },
      ],
    };
    const fetchMock = vi.fn(async () => json(finished));
    vi.stubGlobal('fetch', fetchMock);
    const onReceived = vi.fn();
    renderWithProviders(<ReceiveForm order={finished} onReceived={onReceived} />);
    expect(screen.getByRole('textbox', { name: 'Lot for GIFT-SET-HOLIDAY' })).toHaveValue('WO-WH1-00001');
    expect(screen.getByRole('textbox', { name: 'Lot for TEA-SET' })).toHaveValue('WO-WH1-00001');
    fireEvent.change(screen.getByRole('textbox', { name: 'Lot for TEA-SET' }), { target: { value: 'TEA-2027-A' } });
    fireEvent.change(screen.getByLabelText('Expires On for TEA-SET'), { target: { value: '2027-06-30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Receive' }));
    await waitFor(() => expect(onReceived).toHaveBeenCalledWith(8));
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    // The expected lot is the server's own: only a changed one is sent.
    expect(JSON.parse(String(init.body))).toEqual({
      lines: [
        { sku: 'GIFT-SET-HOLIDAY', quantity: 5 },
        { sku: 'TEA-SET', quantity: 3, lot: 'TEA-2027-A', expiresOn: '2027-06-30' },
      ],
    });
  });

  it('keeps the lot of a line already partly received, and checks a new lot before sending', () => {
    vi.stubGlobal('fetch', vi.fn());
    const partly: InboundOrder = {
      ...order,
      lines: [
        { sku: 'GIFT-SET-HOLIDAY', lot: 'WO-WH1-00001', expiresOn: '2027-01-31', expected: 5, received: 2, putAway: 0 },
        { sku: 'TEA-SET', lot: 'WO-WH1-00001', expiresOn: null, expected: 3, received: 0, putAway: 0 },
      ],
    };
    renderWithProviders(<ReceiveForm order={partly} onReceived={() => undefined} />);
    expect(screen.getByRole('textbox', { name: 'Lot for GIFT-SET-HOLIDAY' })).toHaveAttribute('readonly');
    expect(screen.getByLabelText('Expires On for GIFT-SET-HOLIDAY')).toHaveValue('2027-01-31');
    fireEvent.change(screen.getByRole('textbox', { name: 'Lot for TEA-SET' }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Receive' }));
    expect(screen.getByRole('textbox', { name: 'Lot for TEA-SET' })).toHaveAccessibleDescription(/Enter the lot/);
    fireEvent.change(screen.getByRole('textbox', { name: 'Lot for TEA-SET' }), { target: { value: 'TEA 1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Receive' }));
    expect(screen.getByRole('textbox', { name: 'Lot for TEA-SET' })).toHaveAccessibleDescription(/without spaces/);
  });

  it('shows the server’s lot and expiry errors at the line’s Lot and Expires On', async () => {
    const finished: InboundOrder = { ...order, lines: [{ sku: 'TEA-SET', lot: 'WO-WH1-00001', expiresOn: null, expected: 3, received: 0, putAway: 0 }] };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(
          {
            title: 'Bad Request',
            status: 400,
            errors: [
              { field: 'lines[0].lot', message: 'lot TEA-OLD of TEA-SET is already known' },
              { field: 'lines[0].expiresOn', message: 'lot TEA-OLD expires on 2026-01-31' },
            ],
          },
          400,
        ),
      ),
    );
    renderWithProviders(<ReceiveForm order={finished} onReceived={() => undefined} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Lot for TEA-SET' }), { target: { value: 'TEA-OLD' } });
    fireEvent.change(screen.getByLabelText('Expires On for TEA-SET'), { target: { value: '2027-01-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Receive' }));
    const lot = screen.getByRole('textbox', { name: 'Lot for TEA-SET' });
    await waitFor(() => expect(lot).toHaveAccessibleDescription(/already known/));
    expect(lot).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Expires On for TEA-SET')).toHaveAccessibleDescription(/expires on 2026-01-31/);
    expect(screen.getByRole('textbox', { name: 'Receive TEA-SET' })).not.toHaveAttribute('aria-invalid', 'true');
  });
});
