import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { WorkOrderActions } from './work-order-actions';
import { workOrderDetailFixture } from './work-order-detail-fixture';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });

/** fetch that answers every POST with `answer` and any read with an empty list; records the calls. */
function stubFetch(answer: () => Response) {
  const calls: { method: string; url: string }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push({ method, url });
      return method === 'POST' ? answer() : json([]);
    }),
  );
  return calls;
}

const accepted = (status: string, pendingAction: string | null) =>
  json({ id: 'wo-1', number: 'WO-WH1-00001', status, pendingAction, updatedAt: '2026-12-01T08:01:00.000Z', links: { self: '/work-orders/wo-1' } }, 202);

afterEach(() => vi.unstubAllGlobals());

describe('WorkOrderActions', () => {
  it('Confirm posts /work-orders/:id/confirm and tells the caller it was accepted', async () => {
    const calls = stubFetch(() => accepted('DRAFT', 'allocating'));
    const onAccepted = vi.fn();
    renderWithProviders(<WorkOrderActions order={workOrderDetailFixture()} onAccepted={onAccepted} />);

    expect(screen.getByRole('button', { name: 'Edit' })).toBeEnabled();
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));

    await waitFor(() => expect(onAccepted).toHaveBeenCalledWith(expect.objectContaining({ pendingAction: 'allocating' })));
    expect(calls).toContainEqual({ method: 'POST', url: '/work-orders/wo-1/confirm' });
  });

  it('shows only the buttons the user’s roles allow: a picker sees no Confirm, a merchant user no Edit or Cancel', () => {
    stubFetch(() => json({}));
    const { unmount } = renderWithProviders(<WorkOrderActions order={workOrderDetailFixture()} />, { roles: ['picker'] });
    for (const name of ['Edit', 'Confirm', 'Cancel Work Order']) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    unmount();
    renderWithProviders(<WorkOrderActions order={workOrderDetailFixture()} />, { roles: ['merchant-user'] });
    expect(screen.getByRole('button', { name: 'Confirm' })).toBeEnabled();
    for (const name of ['Edit', 'Cancel Work Order']) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
  });

  it('shows only the buttons of the status', () => {
    stubFetch(() => json({}));
    renderWithProviders(<WorkOrderActions order={workOrderDetailFixture({ status: 'ALLOCATED', allowedActions: ['createPickingList', 'cancel'] })} />);
    expect(screen.getByRole('button', { name: 'Create Picking List' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Cancel Work Order' })).toBeEnabled();
    for (const name of ['Edit', 'Confirm', 'Retry Allocation', 'Complete']) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
  });

  it('Cancel Work Order asks first: Keep it sends nothing, confirming posts /cancel', async () => {
    const calls = stubFetch(() => accepted('CANCELED', null));
    renderWithProviders(<WorkOrderActions order={workOrderDetailFixture()} />);

    await userEvent.click(screen.getByRole('button', { name: 'Cancel Work Order' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Keep it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.filter((call) => call.method === 'POST')).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Cancel Work Order' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel Work Order' }));
    await waitFor(() => expect(calls).toContainEqual({ method: 'POST', url: '/work-orders/wo-1/cancel' }));
  });

  it('a 409 shows the problem’s detail', async () => {
    stubFetch(() => json({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'the order is allocating; wait until it settles' }, 409));
    renderWithProviders(<WorkOrderActions order={workOrderDetailFixture({ status: 'OUT_OF_STOCK', allowedActions: ['edit', 'retryAllocation', 'cancel'] })} />);

    await userEvent.click(screen.getByRole('button', { name: 'Retry Allocation' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Retry Allocation was refused');
    expect(alert).toHaveTextContent('the order is allocating; wait until it settles');
  });

  it('Processing: Complete and Cancel Work Order disabled, with the reasons in words', () => {
    stubFetch(() => json({}));
    renderWithProviders(
      <WorkOrderActions
        order={workOrderDetailFixture({
          status: 'PROCESSING',
          allowedActions: [],
          blockedActions: [
            { action: 'complete', reason: 'Picking is not done yet' },
            { action: 'cancel', reason: 'A picking list is in progress: cancel it in Picking Lists first' },
          ],
        })}
      />,
    );
    expect(screen.getByRole('button', { name: 'Complete' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel Work Order' })).toBeDisabled();
    expect(screen.getByText('Complete is not possible yet')).toBeInTheDocument();
    expect(screen.getByText('Picking is not done yet.')).toBeInTheDocument();
    expect(screen.getByText('A picking list is in progress: cancel it in Picking Lists first.')).toBeInTheDocument();
  });

  it('while a step is in flight every button is disabled and the step is shown', () => {
    stubFetch(() => json({}));
    renderWithProviders(<WorkOrderActions order={workOrderDetailFixture({ pendingAction: 'allocating', allowedActions: [] })} />);
    expect(screen.getByRole('button', { name: 'Edit' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Confirm' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel Work Order' })).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent(/Allocating… .*updates by itself/);
  });
});
