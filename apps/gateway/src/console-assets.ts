import { Logger } from '@nestjs/common';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const CONSOLE_PATH = '/console';

/**
 * Serves the web console's built bundle under /console/ and sends `/` there. Any /console/ path
 * that is not a file answers index.html, so the client-side router owns deep links and a reload
 * on any page works. Hashed assets are cached for a year; index.html never, so a new release is
 * picked up on the next load.
 */
export function serveConsole(app: Express, directory: string, logger: Logger): void {
  const index = join(directory, 'index.html');
  if (!existsSync(index)) {
    logger.warn(`the console is not built (${index} is missing): run \`bash scripts/build.sh\`; the API is served as usual`);
  }
  app.get('/', (_request, response) => response.redirect(302, `${CONSOLE_PATH}/`));
  app.use(
    CONSOLE_PATH,
    express.static(directory, {
      index: false,
      setHeaders: (response, path) => response.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
    }),
  );
  app.use(CONSOLE_PATH, (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    // A missing asset is a 404, not the page: a stale bundle must fail loudly, not render HTML as JS.
    if (request.path.startsWith('/assets/')) return next();
    if (!existsSync(index)) return next();
    response.setHeader('cache-control', 'no-cache');
    response.sendFile(index);
  });
}
