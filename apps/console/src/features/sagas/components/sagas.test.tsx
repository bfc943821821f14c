import type { Saga, SagaList } from '@wo/contracts/rest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SagasRoute } from '../../../app/routes/sagas';
import { renderWithProviders } from '../../../testing/render';
import { SagaDetail } from './saga-detail';
import { dayBounds } from './use-saga-filters';

const summary: SagaList['items'][number] = {
  id: 'saga-1',
  type: 'allocation',
  workOrderId: 'wo-1',
  phase: 'reserving',
  state: 'STUCK',
  stepAttempts: 4,
  deadlineAt: '2026-12-01T08:10:00.000Z',
  expiresAt: '2026-12-01T08:05:00.000Z',
  createdAt: '2026-12-01T08:00:00.000Z',
  updatedAt: '2026-12-01T08:06:00.000Z',
  finishedAt: null,
};

const saga = (state: Saga['state']): Saga => ({
  ...summary,
  state,
  data: { sagaId: 'saga-1', phase: 'reserving' },
  steps: [
    { event: 'started', detail: { type: 'allocation', commands: ['inventory.ReserveStock', 'inventory.ReserveStock'] }, at: '2026-12-01T08:00:00.000Z' },
    { event: 'resent', detail: { attempt: 3, messageId: 'm-42' }, at: '2026-12-01T08:03:00.000Z' },
    { event: 'stuck', detail: { phase: 'reserving' }, at: '2026-12-01T08:05:00.000Z' },
  ],
});

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

afterEach(() => vi.unstubAllGlobals());

describe('Sagas', () => {
  it('heads the list with the counts by state, shows each saga, and filters by state in the URL', async () => {
    const fetchMock = vi.fn(async (url: string) =>
      url.startsWith('/sagas')
        ? json({ counts: { RUNNING: 2, STUCK: 1, FINISHED: 7 }, items: [summary] }, 200, { 'x-total-count': '1' })
        : json({ title: 'Not found', status: 404 }, 404),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(
      <Routes>
        <Route path="/sagas" element={<SagasRoute />} />
      </Routes>,
      { url: '/sagas', roles: ['sre'] },
    );
    expect(await screen.findByRole('radio', { name: 'Stuck 1' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'All 10' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Running 2' })).toBeInTheDocument();
    const table = screen.getByRole('table');
    for (const column of ['Type', 'Work Order', 'Phase', 'State', 'Started', 'Updated', 'Attempts'])
      expect(within(table).getByRole('columnheader', { name: column })).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'Allocation' })).toHaveAttribute('href', '/sagas/saga-1');
    expect(within(table).getByRole('link', { name: 'wo-1' })).toHaveAttribute('href', '/work-orders/wo-1');
    expect(within(table).getByText('Stuck')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('radio', { name: 'Stuck 1' }));
    await waitFor(() => expect(fetchMock.mock.calls.map(([url]) => url)).toContain('/sagas?state=STUCK&page=1&pageSize=50'));
    fireEvent.change(screen.getByRole('textbox', { name: 'Work Order' }), { target: { value: 'wo-1' } });
    await waitFor(() => expect(fetchMock.mock.calls.map(([url]) => url)).toContain('/sagas?state=STUCK&workOrderId=wo-1&page=1&pageSize=50'));
  });

  it('bounds the list by the days the sagas started, read from the URL, as the first and last moment of each day', async () => {
    const fetchMock = vi.fn(async (url: string) =>
      url.startsWith('/sagas') ? json({ counts: { FINISHED: 1 }, items: [summary] }, 200, { 'x-total-count': '1' }) : json({ status: 404 }, 404),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(
      <Routes>
        <Route path="/sagas" element={<SagasRoute />} />
      </Routes>,
      { url: '/sagas?startedFrom=2026-12-01&startedTo=2026-12-02', roles: ['sre'] },
    );
    const from = encodeURIComponent(new Date('2026-12-01T00:00:00.000').toISOString());
    const to = encodeURIComponent(new Date('2026-12-02T23:59:59.999').toISOString());
    await waitFor(() => expect(fetchMock.mock.calls.map(([url]) => url)).toContain(`/sagas?startedFrom=${from}&startedTo=${to}&page=1&pageSize=50`));
    expect(screen.getByRole('button', { name: 'Started from' })).toHaveTextContent('2026-12-01');
    expect(screen.getByRole('button', { name: 'Started to' })).toHaveTextContent('2026-12-02');
  });

  it('reads a day that is not one as no bound', () => {
    expect(dayBounds({ startedFrom: undefined, startedTo: undefined })).toEqual({});
    expect(dayBounds({ startedFrom: '2026-12-01', startedTo: undefined })).toEqual({ startedFrom: new Date('2026-12-01T00:00:00.000').toISOString() });
  });

  it('shows the step log as a timeline and retries a stuck saga', async () => {
    const fetchMock = vi.fn(async (url: string) =>
      url === '/sagas/saga-1/retry' ? json(saga('RUNNING'), 202) : json({ title: 'Not found', status: 404 }, 404),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<SagaDetail saga={saga('STUCK')} />, { roles: ['sre'] });
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    expect(within(timeline).getByText('Started')).toBeInTheDocument();
    expect(within(timeline).getByText('attempt: 3 · messageId: m-42')).toBeInTheDocument();
    expect(within(timeline).getByText('Stuck')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(fetchMock.mock.calls.map(([url]) => url)).toContain('/sagas/saga-1/retry'));
    expect(await screen.findByRole('status')).toHaveTextContent('Retried');
  });

  it('offers Retry only to roles that may retry, and never on a finished saga', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ title: 'Not found', status: 404 }, 404)),
    );
    const { unmount } = renderWithProviders(<SagaDetail saga={saga('STUCK')} />, { roles: ['planner'] });
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    unmount();
    renderWithProviders(<SagaDetail saga={saga('FINISHED')} />, { roles: ['admin'] });
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });
});
