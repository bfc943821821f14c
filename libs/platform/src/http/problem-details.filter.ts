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
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Nest turns body-parser's SyntaxError (malformed JSON) into a bare 400 before any handler runs.
      if (status === 400) {
        return { type: 'about:blank', title: 'Malformed request body', status, detail: exception.message, errors: [{ field: 'body', message: exception.message }] };
      }
      if (status >= 500) this.logger.error(exception.message, exception.stack);
      return { type: 'about:blank', title: exception.message, status };
    }
    this.logger.error((exception as Error)?.message ?? exception, (exception as Error)?.stack);
    return { type: 'about:blank', title: 'Internal error', status: 500 };
  }
}
