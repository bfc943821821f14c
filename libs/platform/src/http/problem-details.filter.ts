import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ProblemException, type ProblemDetails } from './problem';

/**
 * Turns every error leaving an HTTP handler into `application/problem+json`.
 * Expected refusals arrive as ProblemException; anything else unknown is a bug, logged, and a 500.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const problem = this.toProblem(exception);
    if (exception instanceof ProblemException) response.set(exception.headers);
    response.status(problem.status).type('application/problem+json').json(problem);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof ProblemException) return exception.problem;
    // A unique index refused a concurrent duplicate that the checks before it could not see.
    if ((exception as { code?: string })?.code === 'P2002') {
      return { type: 'about:blank', title: 'Already exists', status: 409, detail: 'a record with the same unique fields already exists' };
    }
    // No pooled connection freed up in time (Prisma P2028): the service is overloaded, not broken.
    if ((exception as { code?: string })?.code === 'P2028') {
      this.logger.warn((exception as Error).message);
      return { type: 'about:blank', title: 'Service busy', status: 503, detail: 'The service is overloaded right now; try again in a moment.' };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Nest turns body-parser's SyntaxError (malformed JSON) into a bare 400 before any handler runs.
      // Express's router cannot percent-decode a path parameter (bytes that are not UTF-8, such as a lone surrogate).
      if (status === 400 && exception.message.startsWith('Failed to decode param')) {
        return {
          type: 'about:blank',
          title: 'Malformed path',
          status,
          detail: exception.message,
          errors: [{ field: 'path', message: 'not valid percent-encoded UTF-8' }],
        };
      }
      if (status === 400) {
        return {
          type: 'about:blank',
          title: 'Malformed request body',
          status,
          detail: exception.message,
          errors: [{ field: 'body', message: exception.message }],
        };
      }
      if (status >= 500) this.logger.error(exception.message, exception.stack);
      return { type: 'about:blank', title: exception.message, status };
    }
    const clientError = requestError(exception);
    if (clientError) return clientError;
    this.logger.error((exception as Error)?.message ?? exception, (exception as Error)?.stack);
    return { type: 'about:blank', title: 'Internal error', status: 500 };
  }
}

/** What body-parser and the router say a request got wrong, with the status they gave it. */
const REQUEST_ERROR_TITLES: Record<string, string> = {
  'entity.too.large': 'Request body too large',
  'encoding.unsupported': 'Unsupported content encoding',
  'charset.unsupported': 'Unsupported charset',
  'entity.verify.failed': 'Malformed request body',
  'request.aborted': 'Request aborted',
  'request.size.invalid': 'Malformed request body',
  'stream.encoding.set': 'Malformed request body',
};

/**
 * A 4xx that Express middleware (body-parser) raised before any handler ran: an http-errors error
 * with `expose` set. Its status stands (413 too large, 415 an encoding it cannot decode, 400 a
 * gzip body that is not gzip); anything without it is a bug and stays a 500.
 */
function requestError(exception: unknown): ProblemDetails | null {
  const error = exception as { status?: unknown; expose?: unknown; type?: unknown; message?: unknown };
  if (typeof error?.status !== 'number' || error.expose !== true || error.status < 400 || error.status > 499) return null;
  const title = (typeof error.type === 'string' && REQUEST_ERROR_TITLES[error.type]) || 'Malformed request body';
  return { type: 'about:blank', title, status: error.status, detail: String(error.message), errors: [{ field: 'body', message: String(error.message) }] };
}
