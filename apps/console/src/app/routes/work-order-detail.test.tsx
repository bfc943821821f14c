import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { WorkOrderDetail } from '@wo/contracts/rest';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { workOrderDetailFixture } from '../../features/work-orders/components/work-order-detail-fixture';
import { renderWithProviders } from '../../testing/render';
import { WorkOrderDetailRoute } from './work-order-detail';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The gateway for the page: the order (or what `order` answers), one merchant, one warehouse. */
function stubApi(order: () => Response) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url.startsWith('/merchants')) return json([{ id: 'merchant-1', name: 'Acme Gifts', createdAt: '2026-12-01T08:00:00.000Z' }]);
      if (url.startsWith('/warehouses'))
        return json([{ id: 'warehouse-1', code: 'WH1', name: 'Main warehouse', locations: [], createdAt: '2026-12-01T08:00:00.000Z' }]);
      return order();
    }),
  );
}

const renderPage = (id = 'wo-1') =>
  renderWithProviders(
    <Routes>
      <Route path="/work-orders/:id" element={<WorkOrderDetailRoute />} />
    </Routes>,
    { url: `/work-orders/${id}` },
  );

const showing = (overrides: Partial<WorkOrderDetail>) => stubApi(() => json(workOrderDetailFixture(overrides)));

afterEach(() => vi.unstubAllGlobals());

describe('Work order detail page', () => {
  it('shows the header, the lines and the history of a Draft', async () => {
    showing({});
    renderPage();
    expect(await screen.findByRole('heading', { name: 'Holiday gift sets' })).toBeInTheDocument();
    expect(screen.getAllByText('WO-WH1-00001').length).toBeGreaterThan(0);
    expect(screen.getByText('Draft')).toBeInTheDocument();
    expect(await screen.findByText('Acme Gifts')).toBeInTheDocument();
    expect(await screen.findByText('WH1')).toBeInTheDocument();
    expect(screen.getByText('2026-12-20')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Back to Work Orders/ })).toHaveAttribute('href', '/work-orders');

    const outputs = screen.getByRole('region', { name: 'Produce Output' });
    expect(within(outputs).getByRole('columnheader', { name: 'SKU' })).toBeInTheDocument();
    expect(within(outputs).getByRole('columnheader', { name: 'Quantity' })).toBeInTheDocument();
    expect(within(outputs).getByText('GIFT-SET-HOLIDAY')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Consume Materials' })).getByText('CHOC-BAR')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'History' })).getByText('Created')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Confirm' })).toBeEnabled();
    expect(screen.queryByRole('region', { name: 'Reservations' })).not.toBeInTheDocument();
  });

  it('Out of Stock: the shortages with what is short, and the way out', async () => {
    showing({ status: 'OUT_OF_STOCK', allowedActions: ['edit', 'retryAllocation', 'cancel'], shortages: [{ sku: 'CHOC-BAR', requested: 10, available: 4 }] });
    renderPage();
    const alert = await screen.findByRole('region', { name: 'Out of Stock' });
    for (const name of ['SKU', 'Requested', 'Available', 'Short']) expect(within(alert).getByRole('columnheader', { name })).toBeInTheDocument();
    const row = within(alert).getByRole('row', { name: /CHOC-BAR/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['CHOC-BAR', '10', '4', '6']);
    expect(within(alert).getByRole('link', { name: 'Inventory' })).toHaveAttribute('href', '/inventory');
    expect(screen.getByRole('button', { name: 'Retry Allocation' })).toBeEnabled();
  });

  it('Out of Stock with auto-retry: its place in the queue of each SKU it waits for, its priority', async () => {
    showing({
      status: 'OUT_OF_STOCK',
      priority: 'HIGH',
      allowedActions: ['edit', 'retryAllocation', 'cancel'],
      shortages: [{ sku: 'CHOC-BAR', requested: 10, available: 4 }],
      queuePlaces: [{ sku: 'CHOC-BAR', place: 2, waiting: 3 }],
    });
    renderPage();
    const alert = await screen.findByRole('region', { name: 'Out of Stock' });
    expect(within(alert).getByRole('columnheader', { name: 'Place in queue' })).toBeInTheDocument();
    const row = within(alert).getByRole('row', { name: /CHOC-BAR/ });
    expect(within(row).getByRole('cell', { name: '2 of 3' })).toBeInTheDocument();
    expect(within(alert).getByText(/allocated again by itself when its turn comes/)).toBeInTheDocument();
    expect(screen.getByText('High')).toBeInTheDocument();
    expect(screen.getByText('Auto-retry')).toBeInTheDocument();
  });

  it('Out of Stock without auto-retry: no queue, the way out is Retry Allocation', async () => {
    showing({
      status: 'OUT_OF_STOCK',
      autoRetry: false,
      allowedActions: ['edit', 'retryAllocation', 'cancel'],
      shortages: [{ sku: 'CHOC-BAR', requested: 10, available: 4 }],
    });
    renderPage();
    const alert = await screen.findByRole('region', { name: 'Out of Stock' });
    expect(within(alert).queryByRole('columnheader', { name: 'Place in queue' })).not.toBeInTheDocument();
    expect(within(alert).getByText(/then click Retry Allocation/)).toBeInTheDocument();
  });

  it('Allocated: reservations by location and the way to a picking list', async () => {
    showing({
      status: 'ALLOCATED',
      allowedActions: ['createPickingList', 'cancel'],
      reservations: [
        {
          reservationId: 'r-1',
          lineId: 'line-choc',
          sku: 'CHOC-BAR',
          quantity: 6,
          allocations: [
            { locationCode: 'A-01', quantity: 4 },
            { locationCode: 'A-02', quantity: 2 },
          ],
        },
      ],
    });
    renderPage();
    const reservations = await screen.findByRole('region', { name: 'Reservations' });
    expect(within(reservations).getByRole('columnheader', { name: 'Locations' })).toBeInTheDocument();
    expect(within(reservations).getByText('A-01 × 4, A-02 × 2')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Picking Lists' })).getByText(/No picking list yet/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create Picking List' })).toBeEnabled();
  });

  it('Allocated from lots: each reservation’s lot and expiry, the lot opening its trace up', async () => {
    showing({
      status: 'ALLOCATED',
      allowedActions: ['createPickingList', 'cancel'],
      reservations: [
        {
          reservationId: 'r-1',
          lineId: 'line-choc',
          sku: 'HONEY',
          quantity: 6,
          allocations: [
            { locationCode: 'A-02', quantity: 4, lot: 'HNY-EARLY', expiresOn: '2027-03-31' },
            { locationCode: 'A-01', quantity: 2, lot: 'HNY-LATE' },
          ],
        },
      ],
    });
    renderPage();
    const reservations = await screen.findByRole('region', { name: 'Reservations' });
    expect(within(reservations).getByText(/A-02 × 4 · Lot/)).toHaveTextContent('A-02 × 4 · Lot HNY-EARLY · Expires On 2027-03-31');
    expect(within(reservations).getByText(/A-01 × 2 · Lot/)).toHaveTextContent(/^A-01 × 2 · Lot HNY-LATE$/);
    expect(within(reservations).getByRole('link', { name: 'HNY-EARLY' })).toHaveAttribute(
      'href',
      '/lot-trace?merchantId=merchant-1&sku=HONEY&lot=HNY-EARLY&direction=up',
    );
  });

  it('Completed: the finished lot of the inbound order, opening its trace down', async () => {
    showing({
      status: 'COMPLETED',
      allowedActions: [],
      inboundOrder: {
        id: 'in-1',
        status: 'RECEIVED',
        lines: [{ sku: 'GIFT-SET-HOLIDAY', lot: 'WO-WH1-00001', expiresOn: '2027-12-31', expected: 4, received: 4, putAway: 0 }],
      },
    });
    renderPage();
    const inbound = await screen.findByRole('region', { name: 'Finished-goods inbound order' });
    expect(within(inbound).getByRole('columnheader', { name: 'Lot' })).toBeInTheDocument();
    expect(within(inbound).getByText('2027-12-31')).toBeInTheDocument();
    expect(within(inbound).getByRole('link', { name: 'WO-WH1-00001' })).toHaveAttribute(
      'href',
      '/lot-trace?merchantId=merchant-1&sku=GIFT-SET-HOLIDAY&lot=WO-WH1-00001&direction=down',
    );
  });

  it('Completed: the picking list and the finished-goods inbound order with its progress', async () => {
    showing({
      status: 'COMPLETED',
      allowedActions: [],
      pickingLists: [{ id: 'abcdef12-0000-0000-0000-000000000000', status: 'DONE', picker: 'Pat', updatedAt: '2026-12-01T09:00:00.000Z' }],
      inboundOrder: {
        id: 'in-1',
        status: 'RECEIVING',
        lines: [{ sku: 'GIFT-SET-HOLIDAY', lot: 'WO-WH1-00001', expiresOn: null, expected: 4, received: 2, putAway: 1 }],
      },
    });
    renderPage();
    const lists = await screen.findByRole('region', { name: 'Picking Lists' });
    expect(within(lists).getByRole('link', { name: 'PL-ABCDEF12' })).toHaveAttribute('href', '/picking-lists/abcdef12-0000-0000-0000-000000000000');
    expect(within(lists).getByText('Pat')).toBeInTheDocument();
    const inbound = screen.getByRole('region', { name: 'Finished-goods inbound order' });
    expect(within(inbound).getByRole('link', { name: 'Open the inbound order' })).toHaveAttribute('href', '/inbound-orders/in-1');
    expect(within(inbound).getByText('Receiving')).toBeInTheDocument();
    expect(within(inbound).getByRole('progressbar', { name: 'GIFT-SET-HOLIDAY received' })).toHaveAttribute('aria-valuenow', '50');
    expect(within(inbound).getByRole('progressbar', { name: 'GIFT-SET-HOLIDAY put away' })).toHaveAttribute('aria-valuenow', '25');
    expect(screen.queryByRole('button', { name: 'Complete' })).not.toBeInTheDocument();
  });

  it('an unknown id: says so, with the way back', async () => {
    stubApi(() => json({ type: 'about:blank', title: 'Work order not found', status: 404, detail: 'No work order with id nope.' }, 404));
    renderPage('nope');
    expect(await screen.findByRole('heading', { name: 'This work order does not exist' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to Work Orders' })).toHaveAttribute('href', '/work-orders');
  });

  it('a failed read: the error and a retry that reads again', async () => {
    let fail = true;
    stubApi(() =>
      fail
        ? json({ type: 'about:blank', title: 'Bad Gateway', status: 502, detail: 'The work-orders service did not answer.' }, 502)
        : json(workOrderDetailFixture()),
    );
    renderPage();
    expect(await screen.findByText('The work-orders service did not answer.')).toBeInTheDocument();
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Holiday gift sets' })).toBeInTheDocument();
  });
});
