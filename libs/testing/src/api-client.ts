import type { Role } from '@wo/contracts/rest';
import { devLogin } from './dev-login';

/** Where ApiClient.as signs in: the dev system's provider (the e2e setup exports these for every test). */
export interface LoginOptions {
  /** For a merchant user: the merchants its token names. */
  readonly merchantIds?: readonly string[];
  /** The API's base URL (default GATEWAY_URL): the gateway, or a service's own port. */
  readonly baseUrl?: string;
  readonly issuerUrl?: string;
  readonly redirectUri?: string;
  /** Ask for a token of another audience (tests of refusals). */
  readonly audience?: string;
  readonly clientId?: string;
}

// Tokens live an hour: a suite signs in once per role and merchant set, not once per request.
const TOKEN_REUSE_MS = 45 * 60_000;
const tokens = new Map<string, { token: Promise<string>; at: number }>();

/** A small JSON client for tests: every call answers status and parsed body, never throws on 4xx/5xx. */
export interface ApiResponse<T = any> {
  readonly status: number;
  readonly body: T;
  readonly contentType: string | null;
  readonly headers?: Headers;
}

export class ApiClient {
  /** Without a token the client is anonymous (for tests of 401); a function is asked for one on each call. */
  constructor(
    readonly baseUrl: string,
    private readonly token: string | null | (() => Promise<string>) = null,
  ) {}

  /** Like `as`, but signs in on the first request: for a suite's `const api = ...` outside any hook. */
  static signedIn(role: Role, options: LoginOptions = {}): ApiClient {
    return new ApiClient(options.baseUrl ?? requiredEnv('GATEWAY_URL'), () => ApiClient.tokenFor(role, options));
  }

  /**
   * A client acting as the seeded development user of a role, with a bearer token from the running
   * development provider through its real login (code + PKCE): `await ApiClient.as('planner')`,
   * `await ApiClient.as('merchant-user', { merchantIds: [id] })`.
   */
  static async as(role: Role, options: LoginOptions = {}): Promise<ApiClient> {
    const baseUrl = options.baseUrl ?? requiredEnv('GATEWAY_URL');
    return new ApiClient(baseUrl, await ApiClient.tokenFor(role, options));
  }

  /** A bearer token of the role's development user (cached for a while per role, merchants and audience). */
  static tokenFor(role: Role, options: LoginOptions = {}): Promise<string> {
    const issuerUrl = options.issuerUrl ?? requiredEnv('OIDC_ISSUER_URL');
    const redirectUri = options.redirectUri ?? requiredEnv('OIDC_REDIRECT_URI');
    const key = JSON.stringify([issuerUrl, role, options.merchantIds ?? [], options.audience ?? null, options.clientId ?? null]);
    const cached = tokens.get(key);
    if (cached && Date.now() - cached.at < TOKEN_REUSE_MS) return cached.token;
    const token = devLogin({ issuerUrl, redirectUri, login: role, merchantIds: options.merchantIds, audience: options.audience, clientId: options.clientId });
    tokens.set(key, { token, at: Date.now() });
    token.catch(() => tokens.delete(key));
    return token;
  }

  /** The same caller against another base URL (a service's own port, say). */
  at(baseUrl: string): ApiClient {
    return new ApiClient(baseUrl, this.token);
  }

  /** The same base URL with another token, or none (anonymous). */
  withToken(token: string | null): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  get<T = any>(path: string): Promise<ApiResponse<T>> {
    return this.send<T>('GET', path);
  }

  post<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.send<T>('POST', path, body);
  }

  put<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.send<T>('PUT', path, body);
  }

  patch<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.send<T>('PATCH', path, body);
  }

  delete<T = any>(path: string): Promise<ApiResponse<T>> {
    return this.send<T>('DELETE', path);
  }

  /** Sends a raw body as-is (for malformed-JSON tests). */
  async sendRaw(method: string, path: string, raw: string): Promise<ApiResponse> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...(await this.authorization()), 'content-type': 'application/json' },
      body: raw,
    });
    return { status: response.status, body: await parse(response), contentType: response.headers.get('content-type') };
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...(await this.authorization()), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await parse(response)) as T, contentType: response.headers.get('content-type'), headers: response.headers };
  }

  private async authorization(): Promise<Record<string, string>> {
    if (this.token === null) return {};
    return { authorization: `Bearer ${typeof this.token === 'string' ? this.token : await this.token()}` };
  }
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: ApiClient.as signs in at the dev system's identity provider (the e2e setup sets it)`);
  return value;
}

async function parse(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON (a proxy error page, say): hand the text to the assertion that will fail on it.
    return text;
  }
}
