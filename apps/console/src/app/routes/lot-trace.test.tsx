import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LotTrace } from '@wo/contracts/rest';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../testing/render';
import { LotTraceRoute } from './lot-trace';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });

const merchant = { id: 'merchant-1', name: 'Acme Gifts', createdAt: '2026-12-01T08:00:00.000Z' };

/** A finished lot of GIFT-SET, made by one work order from two lots of HONEY and one of BOX. */
const downTrace: LotTrace = {
  merchantId: 'merchant-1',
  sku: 'GIFT-SET',
  lot: 'WO-WH1-00007',
  direction: 'down',
  expiresOn: null,
  workOrders: [
    {
      workOrderId: 'wo-7',
      number: 'WO-WH1-00007',
      warehouseId: 'warehouse-1',
      inboundOrderId: 'abcdef12-0000-0000-0000-000000000000',
      pickingListIds: ['12345678-0000-0000-0000-000000000000'],
      completedAt: '2026-12-01T10:00:00.000Z',
      components: [
        { sku: 'HONEY', lot: 'HNY-EARLY', expiresOn: '2027-03-31', quantity: 4, locations: [{ locationCode: 'A-02', quantity: 4 }] },
        { sku: 'BOX', lot: null, expiresOn: null, quantity: 2, locations: [{ locationCode: 'A-01', quantity: 2 }] },
      ],
      outputs: [
        {
          sku: 'GIFT-SET',
          lot: 'WO-WH1-00007',
          expiresOn: null,
          quantity: 2,
          putAway: [{ locationCode: 'FG-01', quantity: 2 }],
          onHand: [{ locationCode: 'FG-01', quantity: 1 }],
        },
      ],
    },
  ],
};

/** The gateway for the page: one merchant, no product suggestions, and `trace` for the trace. */
function stubApi(trace: () => Response) {
  const fetchMock = vi.fn(async (url: string) => {
    if (url.startsWith('/merchants')) return json([merchant]);
    if (url.startsWith('/products')) return json([]);
    if (url.startsWith('/traceability/lots')) return trace();
    return json({ title: 'Not Found', status: 404 }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function Where() {
  const location = useLocation();
  return <output aria-label="URL">{`${location.pathname}${location.search}`}</output>;
}

const renderPage = (search = '') =>
  renderWithProviders(
    <Routes>
      <Route
        path="/lot-trace"
        element={
          <>
            <LotTraceRoute />
            <Where />
          </>
        }
      />
    </Routes>,
    { url: `/lot-trace${search}` },
  );

const traceCalls = (fetchMock: ReturnType<typeof stubApi>) =>
  fetchMock.mock.calls.map(([url]) => String(url)).filter((url) => url.startsWith('/traceability/lots'));

afterEach(() => vi.unstubAllGlobals());

describe('Lot Trace page', () => {
  it('asks merchant, SKU, lot and direction, and traces what the form says', async () => {
    const fetchMock = stubApi(() => json({ ...downTrace, direction: 'up', sku: 'HONEY', lot: 'HNY-EARLY', workOrders: [] }));
    const user = userEvent.setup({ delay: null });
    renderPage();
    expect(screen.getByRole('heading', { name: 'Lot Trace' })).toBeInTheDocument();
    // One merchant: it fills itself in and is not asked.
    await user.type(screen.getByRole('textbox', { name: /Lot/ }), 'HNY EARLY');
    await user.click(screen.getByRole('button', { name: 'Trace' }));
    expect(screen.getByRole('textbox', { name: /Lot/ })).toHaveAccessibleDescription(/without spaces/);
    expect(screen.getByRole('combobox', { name: /SKU/ })).toHaveAccessibleDescription(/Enter a SKU/);
    expect(traceCalls(fetchMock)).toEqual([]);

    await user.type(screen.getByRole('combobox', { name: /SKU/ }), 'HONEY');
    await user.clear(screen.getByRole('textbox', { name: /Lot/ }));
    await user.type(screen.getByRole('textbox', { name: /Lot/ }), 'HNY-EARLY');
    await user.click(screen.getByRole('radio', { name: 'Up: where it went' }));
    await user.click(screen.getByRole('button', { name: 'Trace' }));

    await waitFor(() => expect(traceCalls(fetchMock)).toEqual(['/traceability/lots?merchantId=merchant-1&sku=HONEY&lot=HNY-EARLY&direction=up']));
    expect(screen.getByRole('status', { name: 'URL' })).toHaveTextContent('/lot-trace?merchantId=merchant-1&sku=HONEY&lot=HNY-EARLY&direction=up');
    // An empty trace says so.
    expect(await screen.findByText('Nothing to trace')).toBeInTheDocument();
    expect(screen.getByText(/No completed work order used lot HNY-EARLY of HONEY/)).toBeInTheDocument();
  });

  it('down from a finished lot: each work order with its documents, component lots and finished lots', async () => {
    stubApi(() => json(downTrace));
    renderPage('?merchantId=merchant-1&sku=GIFT-SET&lot=WO-WH1-00007&direction=down');
    const order = await screen.findByRole('region', { name: 'Work order WO-WH1-00007' });
    expect(screen.getByRole('radio', { name: 'Down: what went into it' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: /Lot/ })).toHaveValue('WO-WH1-00007');
    // The order's number opens the order; the finished lot of the same name opens its own trace.
    expect(
      within(order)
        .getAllByRole('link', { name: 'WO-WH1-00007' })
        .map((link) => link.getAttribute('href')),
    ).toEqual(['/work-orders/wo-7', '/lot-trace?merchantId=merchant-1&sku=GIFT-SET&lot=WO-WH1-00007&direction=down']);
    expect(within(order).getByRole('link', { name: 'IN-ABCDEF12' })).toHaveAttribute('href', '/inbound-orders/abcdef12-0000-0000-0000-000000000000');
    expect(within(order).getByRole('link', { name: 'PL-12345678' })).toHaveAttribute('href', '/picking-lists/12345678-0000-0000-0000-000000000000');

    const components = within(order).getByRole('table', { name: 'Component lots of WO-WH1-00007' });
    for (const name of ['SKU', 'Lot', 'Expires On', 'Quantity', 'Locations'])
      expect(within(components).getByRole('columnheader', { name })).toBeInTheDocument();
    const cells = within(components)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    expect(cells).toEqual([
      ['HONEY', 'HNY-EARLY', '2027-03-31', '4', 'A-02 × 4'],
      ['BOX', '—', '—', '2', 'A-01 × 2'],
    ]);
    // A component lot leads up: where else it went.
    expect(within(components).getByRole('link', { name: 'HNY-EARLY' })).toHaveAttribute(
      'href',
      '/lot-trace?merchantId=merchant-1&sku=HONEY&lot=HNY-EARLY&direction=up',
    );

    const finished = within(order).getByRole('table', { name: 'Finished lots of WO-WH1-00007' });
    for (const name of ['Put Away', 'On Hand Now']) expect(within(finished).getByRole('columnheader', { name })).toBeInTheDocument();
    const row = within(finished).getAllByRole('row')[1]!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['GIFT-SET', 'WO-WH1-00007', '—', '2', 'FG-01 × 2', 'FG-01 × 1']);
  });

  it('a lot the system does not know: shows the problem’s detail', async () => {
    stubApi(() => json({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'No lot NOPE of GIFT-SET for merchant merchant-1.' }, 404));
    renderPage('?merchantId=merchant-1&sku=GIFT-SET&lot=NOPE&direction=down');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Lot not found');
    expect(alert).toHaveTextContent('No lot NOPE of GIFT-SET for merchant merchant-1.');
  });
});
