import type { ServerResponse } from 'node:http';

/** Answers an RFC 9457 problem from plain Node middleware, where Nest's exception filter does not reach. */
export function sendProblem(
  response: ServerResponse,
  problem: { status: number; title: string; detail?: string },
  headers: Record<string, string | number> = {},
): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  const body = JSON.stringify({ type: 'about:blank', ...problem });
  response.writeHead(problem.status, { ...headers, 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
