import type { PickingList, PickingRequest } from '@wo/contracts/rest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { MaterialPicking } from './material-picking';

const requests: PickingRequest[] = [
  {
    workOrderId: 'wo-2',
    workOrderNumber: 'WO-0002',
    warehouseId: 'warehouse-1',
    merchantId: 'merchant-1',
    materials: [{ lineId: 'l3', sku: 'CANDLE-VAN', quantity: 1, allocations: [{ locationCode: 'B-01', quantity: 1 }] }],
  },
  {
    workOrderId: 'wo-1',
    workOrderNumber: 'WO-0001',
    warehouseId: 'warehouse-1',
    merchantId: 'merchant-1',
    materials: [
      { lineId: 'l1', sku: 'CHOC-BAR', quantity: 2, allocations: [{ locationCode: 'A-02', quantity: 2 }] },
      { lineId: 'l2', sku: 'GIFT-BOX', quantity: 1, allocations: [{ locationCode: 'A-01', quantity: 1 }] },
    ],
  },
];

const created: PickingList = {
  id: 'abcdef12-3456-7890-abcd-ef1234567890',
  warehouseId: 'warehouse-1',
  status: 'CREATED',
  picker: null,
  workOrderIds: ['wo-1', 'wo-2'],
  progress: { picked: 0, total: 4 },
  lines: [],
  createdAt: '2026-12-01T08:00:00.000Z',
  updatedAt: '2026-12-01T08:00:00.000Z',
};

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function stubApi(waiting: PickingRequest[]) {
  const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
    if (input.startsWith('/picking-requests')) return json(waiting);
    if (input === '/picking-lists' && init?.method === 'POST') return json(created, 201);
    if (input.startsWith('/work-orders/')) return json({ title: 'Not Found', status: 404 }, 404);
    return json({ title: 'unexpected', status: 500 }, 500);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('MaterialPicking', () => {
  it('groups materials by work order with their locations', async () => {
    stubApi(requests);
    renderWithProviders(<MaterialPicking warehouseId="warehouse-1" />);
    const first = await screen.findByRole('table', { name: 'Materials of WO-0001' });
    expect(first).toHaveTextContent('CHOC-BAR');
    expect(first).toHaveTextContent('A-02 × 2');
    expect(screen.getByRole('link', { name: 'WO-0001' })).toHaveAttribute('href', '/work-orders/wo-1');
    expect(screen.getByRole('table', { name: 'Materials of WO-0002' })).toHaveTextContent('CANDLE-VAN');
  });

  it('creates ONE picking list for the selected work orders', async () => {
    const fetchMock = stubApi(requests);
    renderWithProviders(<MaterialPicking warehouseId="warehouse-1" />);
    const button = await screen.findByRole('button', { name: 'Create Picking List' });
    expect(button).toBeDisabled();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select WO-0002' }));
    expect(button).toBeEnabled();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all' }));
    expect(screen.getByRole('checkbox', { name: 'Select WO-0001' })).toBeChecked();
    fireEvent.click(button);

    await screen.findByText('Picking list created');
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(post?.[0]).toBe('/picking-lists');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ warehouseId: 'warehouse-1', workOrderIds: ['wo-1', 'wo-2'] });
    expect(screen.getByRole('link', { name: 'PL-ABCDEF12' })).toHaveAttribute('href', `/picking-lists/${created.id}`);
  });

  it('select all twice clears the selection', async () => {
    stubApi(requests);
    renderWithProviders(<MaterialPicking warehouseId="warehouse-1" />);
    const all = await screen.findByRole('checkbox', { name: 'Select all' });
    fireEvent.click(all);
    fireEvent.click(all);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Create Picking List' })).toBeDisabled());
  });

  it('says what to do when nothing is waiting', async () => {
    stubApi([]);
    renderWithProviders(<MaterialPicking warehouseId="warehouse-1" />);
    expect(await screen.findByText('No picking requests')).toBeInTheDocument();
    expect(screen.getByText(/Allocated/)).toBeInTheDocument();
  });
});
