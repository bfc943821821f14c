import { authenticate, ProblemException, type Principal, type TokenVerifier } from '@wo/platform';
import type { NextFunction, Request, Response } from 'express';
import { DOCS_PATH, OPENAPI_PATH } from './api-docs';
import { CONSOLE_PATH } from './console-assets';

/**
 * What answers without a token: probes, `/metrics` (Prometheus scrapes it), the console's files
 * (it logs in itself) and where to log in.
 */
export function isPublicPath(path: string): boolean {
  return (
    path === '/' ||
    path === '/auth/config' ||
    path === '/metrics' ||
    // The API's description is public, as any published contract: /openapi.json and its reference page.
    path === OPENAPI_PATH ||
    path === DOCS_PATH ||
    path.startsWith(`${DOCS_PATH}/`) ||
    path.startsWith('/health/') ||
    path === CONSOLE_PATH ||
    path.startsWith(`${CONSOLE_PATH}/`)
  );
}

const VERIFIED_PRINCIPAL = Symbol('wo.gateway.verifiedPrincipal');

/** The principal the gateway verified for this request, if it carried a valid token. */
export function verifiedPrincipal(request: Request): Principal | undefined {
  return (request as Request & { [VERIFIED_PRINCIPAL]?: Principal })[VERIFIED_PRINCIPAL];
}

/**
 * Verifies the bearer token before anything is proxied, so an anonymous or forged request never
 * reaches a service. Roles are the services' business: each checks them again with the same token.
 * The verified principal is kept on the request (verifiedPrincipal) for the middleware after it:
 * the rate limit counts a signed-in caller by its verified subject.
 */
export function gatewayAuthentication(verifier: TokenVerifier) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.method === 'OPTIONS' || isPublicPath(request.path)) return next();
    authenticate(verifier, request.headers.authorization).then(
      (outcome) => {
        if (!(outcome instanceof ProblemException)) {
          (request as Request & { [VERIFIED_PRINCIPAL]?: Principal })[VERIFIED_PRINCIPAL] = outcome;
          return next();
        }
        response.status(outcome.problem.status).set(outcome.headers).type('application/problem+json').json(outcome.problem);
      },
      (error: unknown) => next(error),
    );
  };
}
