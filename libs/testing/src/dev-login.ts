import { createHash, randomBytes } from 'node:crypto';

export interface DevLoginRequest {
  /** The development provider's issuer URL (the dev system's OIDC_ISSUER_URL). */
  readonly issuerUrl: string;
  /** A seeded login (`planner`, `clerk`, ...) or a role's name (`inventory-clerk`). */
  readonly login: string;
  /** For the merchant user: the merchants its token is scoped to. */
  readonly merchantIds?: readonly string[];
  /** The resource (audience) to ask for; the provider's default is the API's. */
  readonly audience?: string;
  readonly clientId?: string;
  /** A registered redirect URI of the client; it is never visited, only read back with the code. */
  readonly redirectUri: string;
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/**
 * Signs in to the development OpenID provider the way a browser does, over plain HTTP: the
 * authorization request with PKCE, the provider's login page submitted for a seeded user, the
 * redirects back with the code, and the code exchanged for an access token. No token is made by
 * hand: what the tests and scripts hold is what the console would get.
 */
export async function devLogin(request: DevLoginRequest): Promise<string> {
  const issuer = request.issuerUrl.replace(/\/$/, '');
  const clientId = request.clientId ?? 'console';
  const verifier = base64url(randomBytes(32));
  const challenge = base64url(createHash('sha256').update(verifier).digest());
  const cookies = new Map<string, string>();
  const authorize = new URL(`${issuer}/auth`);
  const params: Record<string, string> = {
    client_id: clientId,
    response_type: 'code',
    scope: 'openid profile api',
    redirect_uri: request.redirectUri,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: base64url(randomBytes(8)),
    prompt: 'login',
  };
  if (request.audience) params['resource'] = request.audience;
  for (const [name, value] of Object.entries(params)) authorize.searchParams.set(name, value);

  let location = await step(authorize.toString(), cookies);
  const interaction = /\/interaction\/[^/?]+$/.exec(new URL(location, issuer).pathname);
  if (!interaction) throw new Error(`the provider did not ask for a login (went to ${location})`);
  const form = new URLSearchParams({ login: request.login, merchants: (request.merchantIds ?? []).join(',') });
  location = await step(`${issuer}${interaction[0]}/login`, cookies, { method: 'POST', body: form });
  for (let hop = 0; hop < 5 && !location.startsWith(request.redirectUri); hop += 1) location = await step(new URL(location, issuer).toString(), cookies);
  const callback = new URL(location);
  const code = callback.searchParams.get('code');
  if (!code)
    throw new Error(
      `no authorization code in ${location}: ${callback.searchParams.get('error_description') ?? callback.searchParams.get('error') ?? 'unknown'}`,
    );

  const token = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: request.redirectUri,
    client_id: clientId,
    code_verifier: verifier,
  });
  if (request.audience) token.set('resource', request.audience);
  const response = await fetch(`${issuer}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: token });
  const body = (await response.json()) as { access_token?: string; error?: string; error_description?: string };
  if (!response.ok || !body.access_token)
    throw new Error(`token exchange failed (${response.status}): ${body.error_description ?? body.error ?? 'no access_token'}`);
  return body.access_token;
}

/** One request of the browser dance: sends the cookies it has, keeps the ones it is given, answers the redirect. */
async function step(url: string, cookies: Map<string, string>, init: { method?: string; body?: URLSearchParams } = {}): Promise<string> {
  const headers: Record<string, string> = { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') };
  if (init.body) headers['content-type'] = 'application/x-www-form-urlencoded';
  const response = await fetch(url, { method: init.method ?? 'GET', headers, body: init.body, redirect: 'manual' });
  for (const cookie of response.headers.getSetCookie()) {
    const [pair = ''] = cookie.split(';');
    const separator = pair.indexOf('=');
    if (separator <= 0) continue;
    const [name, value] = [pair.slice(0, separator).trim(), pair.slice(separator + 1).trim()];
    if (value) cookies.set(name, value);
    else cookies.delete(name); // the provider clears a cookie by sending it empty
  }
  const location = response.headers.get('location');
  if (response.status < 300 || response.status >= 400 || !location) {
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status} instead of a redirect: ${(await response.text()).slice(0, 300)}`);
  }
  return location;
}
