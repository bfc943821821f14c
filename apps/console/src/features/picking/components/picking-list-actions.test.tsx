import type { PickingList } from '@wo/contracts/rest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { PickingListActions } from './picking-list-actions';

const list = (status: PickingList['status']): PickingList => ({
  id: 'list-1',
  warehouseId: 'warehouse-1',
  status,
  picker: status === 'CREATED' ? null : 'Dana',
  workOrderIds: ['wo-1'],
  progress: { picked: 0, total: 3 },
  lines: [],
  createdAt: '2026-12-01T08:00:00.000Z',
  updatedAt: '2026-12-01T08:00:00.000Z',
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('PickingListActions', () => {
  it('offers Start and Cancel on a Created list, and starts it with the picker’s name', async () => {
    const fetchMock = vi.fn(async () => json(list('IN_PROGRESS')));
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<PickingListActions list={list('CREATED')} />);
    expect(screen.queryByRole('button', { name: 'Mark Done' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    fireEvent.change(await screen.findByRole('textbox', { name: 'Picker' }), { target: { value: 'Dana' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start Picking' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/picking-lists/list-1/start');
    expect(JSON.parse(String(init.body))).toEqual({ picker: 'Dana' });
  });

  it('shows a 409’s detail when Mark Done is refused', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ title: 'Conflict', status: 409, detail: 'complete is not allowed while the list is CANCELED', listStatus: 'CANCELED' }, 409)),
    );
    renderWithProviders(<PickingListActions list={list('IN_PROGRESS')} />);
    expect(screen.queryByRole('button', { name: 'Start' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Mark Done' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('complete is not allowed while the list is CANCELED');
  });

  it('offers nothing on a Done list', () => {
    vi.stubGlobal('fetch', vi.fn());
    renderWithProviders(<PickingListActions list={list('DONE')} />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
