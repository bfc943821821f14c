import { request } from 'node:http';
import { bearerHeader } from './signed-in';

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly contentType: string;
  readonly text: string;
  /** The body parsed as JSON, or null when it is not JSON. */
  readonly body: any;
}

export interface RawRequest {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Record<string, string | number>;
  /** Sent as is; an array is sent chunk by chunk without a content-length (chunked). */
  readonly body?: Buffer | string | readonly Buffer[];
}

/**
 * A request exactly as written, for what fetch would tidy up: any content-encoding, bodies sent
 * in chunks, bytes that are not valid UTF-8 in the path.
 */
export function rawRequest(baseUrl: string, { method = 'GET', path, headers = {}, body }: RawRequest): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = request({ host: url.hostname, port: url.port, method, path, headers }, (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          contentType: response.headers['content-type'] ?? '',
          text,
          body: parseJson(text),
        });
      });
    });
    // The server may answer (413) and close before the whole body is written: the answer counts.
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (Array.isArray(body)) {
      for (const chunk of body) outgoing.write(chunk);
      outgoing.end();
    } else {
      outgoing.end(body);
    }
  });
}

/** rawRequest signed in as admin (its bearer token added to the headers; a header given wins). */
export async function signedInRawRequest(baseUrl: string, raw: RawRequest): Promise<RawResponse> {
  return rawRequest(baseUrl, { ...raw, headers: { ...(await bearerHeader()), ...raw.headers } });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON (a bare error page): the assertion on its content-type says so.
    return null;
  }
}
