import type { DeadLetter, DeadLetterList } from '@wo/contracts/rest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeadLettersRoute } from '../../../app/routes/dead-letters';
import { renderWithProviders } from '../../../testing/render';
import { DeadLetterDetail } from './dead-letter-detail';

const summary: DeadLetterList['items'][number] = {
  id: '6f1c2d8e-0000-4000-8000-000000000001',
  topic: 'inventory.stock-commands',
  key: 'w1:NUT',
  reason: 'invalid-payload',
  detail: 'invalid-payload: quantity must be positive',
  messageType: 'inventory.ReserveStock',
  source: 'inventory.stock-commands/0/41',
  consumerGroup: 'inventory',
  status: 'DEAD',
  deadLetteredAt: '2026-12-01T08:00:00.000Z',
  replayedAt: null,
  replayedBy: null,
};

const deadLetter = (status: DeadLetter['status']): DeadLetter => ({
  ...summary,
  status,
  headers: { 'message-type': 'inventory.ReserveStock', traceparent: '00-abc-def-01' },
  value: '{"id":"m-1","payload":{"quantity":-1}}',
  message: { id: 'm-1', payload: { quantity: -1 } },
});

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

afterEach(() => vi.unstubAllGlobals());

describe('Dead Letters', () => {
  it('counts dead letters per topic, lists them, and filters by a topic', async () => {
    const fetchMock = vi.fn(async (_url: string) =>
      json(
        {
          counts: [
            { topic: 'inventory.stock-commands', dead: 2, replayed: 1 },
            { topic: 'picking.commands', dead: 0, replayed: 3 },
          ],
          items: [summary],
        },
        200,
        { 'x-total-count': '1' },
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(
      <Routes>
        <Route path="/dead-letters" element={<DeadLettersRoute />} />
      </Routes>,
      { url: '/dead-letters', roles: ['sre'] },
    );
    const perTopic = await screen.findByRole('table', { name: 'Dead letters per topic' });
    const row = within(perTopic).getByRole('button', { name: 'inventory.stock-commands' }).closest('tr')!;
    expect(within(row).getByText('2')).toBeInTheDocument();
    expect(within(row).getByText('1')).toBeInTheDocument();
    expect(screen.getByText('1 dead letter')).toBeInTheDocument();
    expect(screen.getByText('invalid-payload: quantity must be positive')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /2026/ })).toHaveAttribute('href', `/dead-letters/${summary.id}`);

    fireEvent.click(within(perTopic).getByRole('button', { name: 'picking.commands' }));
    await waitFor(() => expect(fetchMock.mock.calls.map(([url]) => url)).toContain('/dead-letters?topic=picking.commands&page=1&pageSize=50'));
  });

  it('shows the headers and the payload, and replays after a confirmation', async () => {
    const fetchMock = vi.fn(async (_url: string) => json({ ...deadLetter('REPLAYED'), replayedAt: '2026-12-01T09:00:00.000Z', replayedBy: 'Sam SRE' }));
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<DeadLetterDetail deadLetter={deadLetter('DEAD')} />, { roles: ['sre'] });
    const headers = screen.getByRole('region', { name: 'Headers' });
    expect(within(headers).getByRole('rowheader', { name: 'traceparent' })).toBeInTheDocument();
    expect(within(headers).getByText('00-abc-def-01')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Payload' })).getByText(/"quantity": -1/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Replay' }));
    const dialog = await screen.findByRole('dialog', { name: 'Replay this message?' });
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Replay Message' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`/dead-letters/${summary.id}/replay`);
    expect(init.method).toBe('POST');
  });

  it('shows a message that is not JSON as text, and offers no Replay once replayed or to other roles', () => {
    vi.stubGlobal('fetch', vi.fn());
    const { unmount } = renderWithProviders(
      <DeadLetterDetail deadLetter={{ ...deadLetter('REPLAYED'), value: '{"this is": not json', message: undefined, replayedBy: 'Sam SRE' }} />,
      { roles: ['sre'] },
    );
    expect(screen.getByText('{"this is": not json')).toBeInTheDocument();
    expect(screen.getByText(/by Sam SRE/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Replay' })).not.toBeInTheDocument();
    unmount();
    renderWithProviders(<DeadLetterDetail deadLetter={deadLetter('DEAD')} />, { roles: ['planner'] });
    expect(screen.queryByRole('button', { name: 'Replay' })).not.toBeInTheDocument();
  });
});
