/** A small JSON client for tests: every call answers status and parsed body, never throws on 4xx/5xx. */
export interface ApiResponse<T = any> {
  readonly status: number;
  readonly body: T;
  readonly contentType: string | null;
}

export class ApiClient {
  constructor(readonly baseUrl: string) {}

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
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, body: raw });
    return { status: response.status, body: await parse(response), contentType: response.headers.get('content-type') };
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await parse(response)) as T, contentType: response.headers.get('content-type') };
  }
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
