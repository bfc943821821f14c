import { TOTAL_COUNT_HEADER } from '@wo/contracts/rest';
/**
 * The console's one way to the REST API (the gateway that serves it, same origin). Every answer
 * that is not 2xx becomes an ApiError carrying the RFC 9457 problem, so screens can show its
 * detail and put `errors[].field` messages next to their fields.
 */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export interface Problem {
  readonly type?: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: readonly FieldProblem[];
  readonly [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  /** Field messages keyed by the API's field path (`materials[1].quantity`). */
  get fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem.errors ?? []).map((error) => [error.field, error.message]));
  }
}

export type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[];

/** Builds `path?name=value&name=value2`, repeating a name for each value of an array. */
export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, String(item));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Where the bearer token comes from, and what to do when the API answers 401 (the sign-in gate sets it). */
export interface Authorization {
  accessToken(): string | null;
  /** A fresh token after a 401: true to send the request again, false when the user must log in (it redirects). */
  renew(): Promise<boolean>;
}

let authorization: Authorization | null = null;

/** Every request from now on carries `Authorization: Bearer` from this source (null: none). */
export function setAuthorization(source: Authorization | null): void {
  authorization = source;
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const token = authorization?.accessToken() ?? null;
  try {
    return await fetch(path, {
      method,
      headers: {
        accept: 'application/json, application/problem+json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError({ title: 'The server cannot be reached', status: 0, detail: `Check your connection and try again (${(error as Error).message}).` });
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  return (await requestWithHeaders<T>(method, path, body)).body;
}

async function requestWithHeaders<T>(method: string, path: string, body?: unknown): Promise<{ body: T; headers: Headers }> {
  let response = await send(method, path, body);
  // An expired or revoked token: renew once and send again; otherwise the gate sends the user to log in.
  if (response.status === 401 && authorization && (await authorization.renew())) response = await send(method, path, body);
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : null;
  if (!response.ok) {
    const problem = isProblem(parsed)
      ? parsed
      : { title: response.statusText || 'Request failed', status: response.status, detail: typeof parsed === 'string' ? parsed : undefined };
    throw new ApiError(problem);
  }
  return { body: parsed as T, headers: response.headers };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'title' in value && 'status' in value;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>) => request<T>('GET', withQuery(path, query)),
  /** A page of a list whose total is in `X-Total-Count` (the lists whose body is not `{ items, total }`). */
  getPage: async <T>(path: string, query?: Record<string, QueryValue>): Promise<{ body: T; total: number }> => {
    const { body, headers } = await requestWithHeaders<T>('GET', withQuery(path, query));
    return { body, total: Number(headers.get(TOTAL_COUNT_HEADER) ?? 0) };
  },
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
