import { authenticate, ProblemException, type TokenVerifier } from '@wo/platform';
import type { NextFunction, Request, Response } from 'express';
import { CONSOLE_PATH } from './console-assets';

/** What answers without a token: probes, the console's files (it logs in itself) and where to log in. */
export function isPublicPath(path: string): boolean {
  return path === '/' || path === '/auth/config' || path.startsWith('/health/') || path === CONSOLE_PATH || path.startsWith(`${CONSOLE_PATH}/`);
}

/**
 * Verifies the bearer token before anything is proxied, so an anonymous or forged request never
 * reaches a service. Roles are the services' business: each checks them again with the same token.
 */
export function gatewayAuthentication(verifier: TokenVerifier) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.method === 'OPTIONS' || isPublicPath(request.path)) return next();
    authenticate(verifier, request.headers.authorization).then(
      (outcome) => {
        if (!(outcome instanceof ProblemException)) return next();
        response.status(outcome.problem.status).set(outcome.headers).type('application/problem+json').json(outcome.problem);
      },
      (error: unknown) => next(error),
    );
  };
}
