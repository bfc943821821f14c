import type { NextFunction, Request, Response } from 'express';
import type { ClientRequest } from 'node:http';
import { sendProblem } from './problem-response';

/** Bytes a refused body may still send before its connection is dropped instead of drained. */
const DRAIN_ALLOWANCE = 16;

/**
 * Refuses a body over `limit` bytes (as sent: before any content-encoding is undone) with 413
 * before any of it reaches a service: at once when its content-length says so, or as soon as a
 * chunked body has sent more. A body within the limit is read whole and handed on with
 * `forwardBody`, so a service never sees the start of a body the gateway goes on to refuse.
 */
export function bodyLimit(limit: number) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const declared = request.headers['content-length'];
    if (declared === undefined && request.headers['transfer-encoding'] === undefined) return next();
    if (declared !== undefined && Number(declared) > limit) return refuse(request, response, limit);

    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        request.off('data', onData).off('end', onEnd);
        refuse(request, response, limit);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      (request as BufferedRequest).rawBody = Buffer.concat(chunks);
      next();
    };
    request.on('data', onData).on('end', onEnd);
  };
}

type BufferedRequest = Request & { rawBody?: Buffer };

/** http-proxy's `proxyReq` hook: sends the body read by `bodyLimit` (the request stream is spent). */
export function forwardBody(proxyRequest: ClientRequest, request: Request): void {
  const body = (request as BufferedRequest).rawBody;
  if (body === undefined) return;
  proxyRequest.removeHeader('transfer-encoding');
  proxyRequest.setHeader('content-length', body.length);
  proxyRequest.write(body);
}

function refuse(request: Request, response: Response, limit: number): void {
  sendProblem(response, { status: 413, title: 'Request body too large', detail: `The body is larger than ${limit} bytes.` }, { connection: 'close' });
  // Read (and drop) what the client still sends, so it sees the answer rather than a reset; a
  // client that keeps sending far beyond the limit loses its connection.
  let drained = 0;
  request.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_ALLOWANCE * limit) request.socket.destroy();
  });
  request.resume();
}
