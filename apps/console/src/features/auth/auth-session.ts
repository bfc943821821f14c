import { authConfigSchema, type AuthConfig } from '@wo/contracts/rest';
import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { principalOf, type ConsolePrincipal } from './principal';

/** Where the provider sends the browser back with the code (registered for the `console` client). */
export const CALLBACK_PATH = '/console/auth/callback';
const CONSOLE_BASE = '/console/';

export interface SignedInUser {
  readonly accessToken: string;
  readonly principal: ConsolePrincipal;
}

/** The console's sign-in, as the gate uses it (a seam so the gate can be tested without a provider). */
export interface AuthSession {
  /** The user kept in session storage, or null when there is none or its token has expired. */
  currentUser(): Promise<SignedInUser | null>;
  /** Sends the browser to the provider's login; it comes back to `returnTo` (a path under /console/). */
  login(returnTo: string): Promise<void>;
  /** At the callback: exchanges the code (PKCE) and answers the user and where to go back to. */
  completeLogin(): Promise<{ user: SignedInUser; returnTo: string } | null>;
  /** A new token without leaving the page (a refresh token, or the provider's session in a hidden frame); null when that fails. */
  renew(): Promise<SignedInUser | null>;
  /** Ends the session here and at the provider, then comes back to the console (which asks to log in again). */
  logout(): Promise<void>;
  /** Called with each renewed user (automatic renewal shortly before expiry). */
  onRenewed(listener: (user: SignedInUser) => void): void;
}

/** GET /auth/config (public): the issuer and the client the console signs in as. */
export async function loadAuthConfig(): Promise<AuthConfig> {
  const response = await fetch('/auth/config', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET /auth/config answered ${response.status}`);
  return authConfigSchema.parse(await response.json());
}

/** The console's OpenID Connect client: authorization code with PKCE (oidc-client-ts), the user kept in session storage. */
export function createAuthSession(config: AuthConfig, origin = window.location.origin): AuthSession {
  const manager = new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}${CONSOLE_BASE}`,
    response_type: 'code',
    // offline_access: a refresh token where the issuer grants one; otherwise renewal uses the provider's session.
    scope: 'openid profile offline_access',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: true,
  });
  const signedIn = (user: User | null): SignedInUser | null => {
    if (!user || user.expired) return null;
    const principal = principalOf(user.access_token);
    return principal ? { accessToken: user.access_token, principal } : null;
  };
  return {
    currentUser: async () => signedIn(await manager.getUser()),
    login: (returnTo) => manager.signinRedirect({ state: { returnTo } }),
    async completeLogin() {
      const user = await manager.signinCallback();
      if (!user) return null; // a silent renewal's frame: the parent window takes the user
      const current = signedIn(user);
      if (!current) throw new Error('the provider answered an access token this console cannot read');
      const state = user.state as { returnTo?: string } | undefined;
      return { user: current, returnTo: state?.returnTo?.startsWith(CONSOLE_BASE) ? state.returnTo : CONSOLE_BASE };
    },
    async renew() {
      try {
        return signedIn(await manager.signinSilent());
      } catch (error) {
        // No refresh token and no session at the provider: the caller sends the user to log in.
        console.warn(`silent renewal failed: ${(error as Error).message}`);
        return null;
      }
    },
    async logout() {
      await manager.signoutRedirect();
    },
    onRenewed(listener) {
      manager.events.addUserLoaded((user) => {
        const current = signedIn(user);
        if (current) listener(current);
      });
    },
  };
}
