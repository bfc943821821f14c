import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { CONSOLE_PATH } from './console-assets';

/**
 * Helmet's security headers on every answer. The console's pages get a policy that lets its
 * same-origin bundle run (scripts, styles, and the inline style attributes and `<style>` that
 * Mantine writes); every API answer gets the strictest one, since JSON loads nothing.
 */
export function securityHeaders() {
  const common = helmet({ contentSecurityPolicy: false });
  const consolePolicy = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
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
      const isConsole = request.path === CONSOLE_PATH || request.path.startsWith(`${CONSOLE_PATH}/`);
      (isConsole ? consolePolicy : apiPolicy)(request, response, next);
    });
  };
}
