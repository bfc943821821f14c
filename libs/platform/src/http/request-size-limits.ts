import type { NextFunction, Request, Response } from 'express';
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

/** The longest request target (path and query string) any endpoint takes, in bytes. */
export const MAX_URL_LENGTH = 8_192;

/** How long a refused connection is drained before it is closed. */
const DRAIN_MS = 2_000;

/** Refuses a longer request target with 414 problem+json before routing. */
export function refuseLongUrls(maxLength = MAX_URL_LENGTH) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.originalUrl.length <= maxLength) return next();
    response
      .status(414)
      .type('application/problem+json')
      .json({ type: 'about:blank', title: 'URI too long', status: 414, detail: `The path and query string are longer than ${maxLength} bytes.` });
  };
}

/**
 * What Node's HTTP parser refuses before any middleware sees the request (headers past
 * `maxHeaderSize`, a malformed request line, a request that took too long) is answered as
 * problem+json with the status Node would give, instead of Node's bare reply.
 */
export function answerClientErrorsAsProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const title = STATUS_CODES[status] ?? 'Bad Request';
    const body = JSON.stringify({
      type: 'about:blank',
      title,
      status,
      detail: status === 431 ? 'The request headers (with the request line) are too large.' : `The request could not be read (${error.code ?? 'malformed'}).`,
    });
    socket.end(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    // The client may still be sending the rest of its request: read and drop it for a moment, so
    // closing does not reset the connection before the client has read the answer.
    socket.on('data', () => undefined).resume();
    setTimeout(() => socket.destroy(), DRAIN_MS).unref();
  });
}
