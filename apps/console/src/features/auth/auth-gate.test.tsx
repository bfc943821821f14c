import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../lib/api-client';
import { AuthGate } from './auth-gate';
import type { AuthSession, SignedInUser } from './auth-session';
import { SignedInUser as SignedInUserView } from './signed-in-user';

const pia: SignedInUser = { accessToken: 'token-1', principal: { subject: 'planner', name: 'Pia Planner', roles: ['planner'], merchantIds: null } };

function fakeSession(overrides: Partial<AuthSession> = {}): AuthSession {
  return {
    currentUser: vi.fn(async () => pia),
    login: vi.fn(async () => undefined),
    completeLogin: vi.fn(async () => ({ user: pia, returnTo: '/console/work-orders?status=DRAFT' })),
    renew: vi.fn(async () => null),
    logout: vi.fn(async () => undefined),
    onRenewed: vi.fn(),
    ...overrides,
  };
}

const renderGate = (session: AuthSession) =>
  render(
    <MantineProvider>
      <AuthGate session={Promise.resolve(session)}>
        <SignedInUserView />
      </AuthGate>
    </MantineProvider>,
  );

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('AuthGate', () => {
  it('shows the console to the user kept in the session, with their name, roles and Log out', async () => {
    const session = fakeSession();
    renderGate(session);
    expect(await screen.findByText('Pia Planner')).toBeInTheDocument();
    expect(screen.getByText('planner')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Log out' }));
    expect(session.logout).toHaveBeenCalled();
  });

  it('sends the browser to the login, with the page it was on, when nobody is signed in', async () => {
    window.history.replaceState(null, '', '/console/work-orders/wo-1');
    const session = fakeSession({ currentUser: vi.fn(async () => null) });
    renderGate(session);
    await waitFor(() => expect(session.login).toHaveBeenCalledWith('/console/work-orders/wo-1'));
    expect(screen.queryByText('Pia Planner')).not.toBeInTheDocument();
  });

  it('finishes the login at the callback and goes back to the page asked for', async () => {
    window.history.replaceState(null, '', '/console/auth/callback?code=abc&state=xyz');
    const session = fakeSession();
    renderGate(session);
    expect(await screen.findByText('Pia Planner')).toBeInTheDocument();
    expect(session.completeLogin).toHaveBeenCalled();
    expect(`${window.location.pathname}${window.location.search}`).toBe('/console/work-orders?status=DRAFT');
  });

  it('exchanges the code once, even when StrictMode runs the effect twice', async () => {
    window.history.replaceState(null, '', '/console/auth/callback?code=abc&state=xyz');
    const session = fakeSession();
    render(
      <StrictMode>
        <MantineProvider>
          <AuthGate session={Promise.resolve(session)}>
            <SignedInUserView />
          </AuthGate>
        </MantineProvider>
      </StrictMode>,
    );
    expect(await screen.findByText('Pia Planner')).toBeInTheDocument();
    expect(session.completeLogin).toHaveBeenCalledTimes(1);
  });

  it('sends the bearer token, and on a 401 renews once and sends again', async () => {
    const renewed: SignedInUser = { ...pia, accessToken: 'token-2' };
    const session = fakeSession({ renew: vi.fn(async () => renewed) });
    const seen: (string | null)[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) => {
        const authorization = new Headers(init?.headers).get('authorization');
        seen.push(authorization);
        return authorization === 'Bearer token-1'
          ? new Response(JSON.stringify({ title: 'Unauthorized', status: 401 }), { status: 401 })
          : new Response('[]', { status: 200 });
      }),
    );
    renderGate(session);
    await screen.findByText('Pia Planner');
    await expect(api.get('/work-orders')).resolves.toEqual([]);
    expect(seen).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('on a 401 that cannot be renewed, sends the user to log in again', async () => {
    window.history.replaceState(null, '', '/console/inventory');
    const session = fakeSession();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ title: 'Unauthorized', status: 401 }), { status: 401 })),
    );
    renderGate(session);
    await screen.findByText('Pia Planner');
    await expect(api.get('/inventory')).rejects.toMatchObject({ status: 401 });
    expect(session.login).toHaveBeenCalledWith('/console/inventory');
  });

  it('says so when the sign-in cannot start (no /auth/config, say)', async () => {
    render(
      <MantineProvider>
        <AuthGate session={Promise.reject(new Error('GET /auth/config answered 503'))}>
          <p>console</p>
        </AuthGate>
      </MantineProvider>,
    );
    expect(await screen.findByText('GET /auth/config answered 503')).toBeInTheDocument();
  });
});
