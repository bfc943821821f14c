import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { accountIdOf, findDevUser, parseAccountId } from './dev-users';
import { loginPage } from './login-page';

export interface DevProviderSettings {
  /** The issuer URL, as services are told in OIDC_ISSUER_URL (`http://localhost:<port>`). */
  readonly issuer: string;
  /** The audience of the access tokens, as services are told in OIDC_AUDIENCE. */
  readonly audience: string;
  /** Where the console may be sent back to after login (`http://localhost:<gatewayPort>/console/...`). */
  readonly redirectUris: readonly string[];
}

/** A second audience the dev provider also issues tokens for, so tests can show they are refused. */
export const FOREIGN_AUDIENCE = 'urn:work-orders:some-other-api';
/** A dev-only client whose access tokens live two seconds, so tests can show expired tokens are refused. */
export const SHORT_LIVED_CLIENT = 'tests-short-lived';
const API_SCOPE = 'api';

/**
 * The development OpenID provider of `npm start` and the tests: oidc-provider (certified) with the
 * seeded users of dev-users.ts, the console as a public client (authorization code with PKCE), and
 * JWT access tokens for the API's audience carrying `roles`, `merchant_ids` and `name`. Never
 * deployed: it lives in the dev system, and anyone may sign in as anyone.
 */
export async function createDevProvider(settings: DevProviderSettings): Promise<(request: IncomingMessage, response: ServerResponse) => void> {
  // Both ESM-only: loaded through Node's require of ES modules.
  const { default: Provider, errors } = await import('oidc-provider');
  const jose = await import('jose');
  const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await jose.exportJWK(privateKey)), kid: `dev-${Date.now().toString(36)}`, alg: 'RS256', use: 'sig' };

  const client = (clientId: string) => ({
    client_id: clientId,
    application_type: 'web' as const,
    token_endpoint_auth_method: 'none' as const,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code' as const],
    redirect_uris: [...settings.redirectUris],
    post_logout_redirect_uris: [...settings.redirectUris],
  });

  const configuration: Configuration = {
    clients: [client('console'), client(SHORT_LIVED_CLIENT)],
    jwks: { keys: [signingKey] },
    cookies: { keys: ['development-only-cookie-key'] },
    scopes: ['openid', 'profile', 'offline_access'],
    claims: { openid: ['sub'], profile: ['name'] },
    pkce: { required: () => true },
    // Access tokens live as long as their resource server says (getResourceServerInfo below).
    ttl: { AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600, RefreshToken: 8 * 3600 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    clientBasedCORS: () => true,
    async findAccount(_ctx, accountId) {
      const account = parseAccountId(accountId);
      if (!account) return undefined;
      return { accountId, claims: async () => ({ sub: accountId, name: account.user.name }) };
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => settings.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource, oidcClient) => {
          if (resource !== settings.audience && resource !== FOREIGN_AUDIENCE) throw new errors.InvalidTarget();
          return {
            scope: API_SCOPE,
            audience: resource,
            accessTokenFormat: 'jwt',
            accessTokenTTL: oidcClient.clientId === SHORT_LIVED_CLIENT ? 2 : 3600,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    async extraTokenClaims(_ctx, token) {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const account = parseAccountId(token.accountId);
      if (!account) return undefined;
      return {
        name: account.user.name,
        roles: [...account.user.roles],
        ...(account.user.merchantScoped || account.merchantIds.length > 0 ? { merchant_ids: account.merchantIds } : {}),
      };
    },
    // First-party clients only: every login is granted the API and the profile without a consent screen.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { provider, client: oidcClient, session, result } = ctx.oidc;
      if (!oidcClient || !session?.accountId) return undefined;
      const grantId = (result?.['consent'] as { grantId?: string } | undefined)?.grantId ?? session.grantIdFor(oidcClient.clientId);
      if (grantId) {
        const existing = await provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new provider.Grant({ clientId: oidcClient.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid profile offline_access');
      grant.addResourceScope(settings.audience, API_SCOPE);
      grant.addResourceScope(FOREIGN_AUDIENCE, API_SCOPE);
      await grant.save();
      return grant;
    },
  };

  const provider = new Provider(settings.issuer, configuration);
  const oidc = provider.callback();

  async function interaction(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const details = await provider.interactionDetails(request, response);
    const clientId = String(details.params['client_id'] ?? '');
    if (request.method === 'POST' && path.endsWith('/login')) {
      const form = new URLSearchParams(await readBody(request));
      const login = (form.get('typed') || form.get('login') || '').trim();
      const user = findDevUser(login);
      if (!user) return html(response, 400, loginPage(details.uid, clientId, `No development user "${login}".`));
      // Staff may be scoped to merchants too (a planner working for one client); the merchant user always is.
      const merchantIds = (form.get('merchants') ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean);
      await provider.interactionFinished(request, response, { login: { accountId: accountIdOf(user.login, merchantIds) } }, { mergeWithLastSubmission: false });
      return;
    }
    if (details.prompt.name === 'login') return html(response, 200, loginPage(details.uid, clientId));
    // Consent is granted by loadExistingGrant; any other prompt finishes with what the session has.
    await provider.interactionFinished(request, response, {}, { mergeWithLastSubmission: true });
  }

  return (request, response) => {
    const path = new URL(request.url ?? '/', settings.issuer).pathname;
    if (path === '/health/ready' || path === '/health/live') return html(response, 200, 'ok');
    if (path.startsWith('/interaction/')) {
      interaction(request, response, path).catch((error: Error) =>
        html(response, 400, `<p>${error.message.replace(/</g, '&lt;')}</p><p>Start the sign-in again from the console.</p>`),
      );
      return;
    }
    void oidc(request, response);
  };
}

function html(response: ServerResponse, status: number, body: string): void {
  if (response.headersSent) return void response.end();
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(body);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
