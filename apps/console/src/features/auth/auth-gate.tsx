import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { setAuthorization } from '../../lib/api-client';
import { AuthContext, type AuthState } from './auth-context';
import { CALLBACK_PATH, type AuthSession, type SignedInUser } from './auth-session';

type GateState = { kind: 'signing-in' } | { kind: 'signed-in'; user: SignedInUser } | { kind: 'failed'; message: string } | { kind: 'in-frame' };

/**
 * The start-up sign-in, once per session even when React runs the effect twice (StrictMode in
 * development): a code can be exchanged only once. Null: the browser is on its way to the login.
 */
const starts = new WeakMap<AuthSession, Promise<SignedInUser | 'in-frame' | null>>();
function startOnce(auth: AuthSession): Promise<SignedInUser | 'in-frame' | null> {
  let started = starts.get(auth);
  if (!started) {
    started = (async () => {
      if (window.location.pathname === CALLBACK_PATH) {
        const completed = await auth.completeLogin();
        if (!completed) return 'in-frame';
        window.history.replaceState(null, '', completed.returnTo);
        return completed.user;
      }
      const user = await auth.currentUser();
      if (user) return user;
      await auth.login(currentPath());
      return null;
    })();
    starts.set(auth, started);
  }
  return started;
}

/** Where the browser is now, to come back to after the login. */
const currentPath = () => `${window.location.pathname}${window.location.search}${window.location.hash}`;

/**
 * Nothing of the console renders before someone is signed in. At start-up the gate reads the user
 * kept in session storage; without one (or with an expired one) it sends the browser to the
 * provider's login, and at /console/auth/callback it finishes the login and goes back to the page
 * the user asked for. Every API call then carries the access token; a 401 renews it once without
 * leaving the page, and when that fails the browser goes to the login again.
 */
export function AuthGate({ session, children }: { session: Promise<AuthSession>; children: ReactNode }) {
  const [state, setState] = useState<GateState>({ kind: 'signing-in' });
  const userRef = useRef<SignedInUser | null>(null);
  const sessionRef = useRef<AuthSession | null>(null);

  useEffect(() => {
    let active = true;
    const signedIn = (user: SignedInUser) => {
      userRef.current = user;
      if (active) setState({ kind: 'signed-in', user });
    };
    session
      .then(async (auth) => {
        sessionRef.current = auth;
        auth.onRenewed(signedIn);
        setAuthorization({
          accessToken: () => userRef.current?.accessToken ?? null,
          async renew() {
            const renewed = await auth.renew();
            if (renewed) {
              signedIn(renewed);
              return true;
            }
            await auth.login(currentPath());
            return false;
          },
        });
        const started = await startOnce(auth);
        if (started === 'in-frame') return active && setState({ kind: 'in-frame' });
        if (started) signedIn(started);
      })
      .catch((error: Error) => active && setState({ kind: 'failed', message: error.message }));
    return () => {
      active = false;
      setAuthorization(null);
    };
  }, [session]);

  const value = useMemo<AuthState | null>(
    () => (state.kind === 'signed-in' ? { principal: state.user.principal, logout: () => void sessionRef.current?.logout() } : null),
    [state],
  );

  if (state.kind === 'in-frame') return null;
  if (state.kind === 'failed') {
    return (
      <Center h="100vh">
        <Alert color="red" title="Signing in failed" maw={480}>
          <Stack gap="sm">
            <Text size="sm">{state.message}</Text>
            <Button variant="light" onClick={() => window.location.assign('/console/')}>
              Try again
            </Button>
          </Stack>
        </Alert>
      </Center>
    );
  }
  if (!value) {
    return (
      <Center h="100vh">
        <Loader aria-label="Signing in" />
      </Center>
    );
  }
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
