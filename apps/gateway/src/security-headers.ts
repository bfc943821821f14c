import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { DOCS_PATH } from './api-docs';
import { CONSOLE_PATH } from './console-assets';

/**
 * Helmet's security headers on every answer. The console's pages and the API reference at /docs
 * get a policy that lets their same-origin bundles run (scripts, styles, and the inline style
 * attributes and `<style>` that Mantine and Swagger UI write); every API answer gets the strictest
 * one, since JSON loads nothing.
 */
export function securityHeaders({ identityProvider }: { identityProvider: string }) {
  // The console signs in with code + PKCE: oidc-client-ts fetches the provider's discovery
  // document, keys and token endpoint from the page, so the issuer's origin is a connect source.
  const issuerOrigin = new URL(identityProvider).origin;
  const common = helmet({ contentSecurityPolicy: false });
  const consolePolicy = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'", issuerOrigin],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  });
  const apiPolicy = helmet.contentSecurityPolicy({ useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } });
  return (request: Request, response: Response, next: NextFunction): void => {
    common(request, response, (error?: unknown) => {
      if (error) return next(error);
      const isPage = [CONSOLE_PATH, DOCS_PATH].some((prefix) => request.path === prefix || request.path.startsWith(`${prefix}/`));
      (isPage ? consolePolicy : apiPolicy)(request, response, next);
    });
  };
}
