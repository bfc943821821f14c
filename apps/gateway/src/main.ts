import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { OidcTokenVerifier, ProblemDetailsFilter } from '@wo/platform';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { Agent } from 'node:http';
import { serveConsole } from './console-assets';
import { gatewayAuthentication } from './gateway-authentication';
import { loadGatewayConfig } from './gateway-config';
import { GatewayModule } from './gateway.module';
import { routes } from './routes';

/** One HTTP entry that routes by path prefix to the service that owns it, like the ingress does. */
async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const logger = new Logger('gateway');
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forConfig(config), { bodyParser: false });
  app.disable('x-powered-by');
  // Unknown routes and the gateway's own errors answer problem+json, like every service.
  app.useGlobalFilters(new ProblemDetailsFilter());
  // http-proxy opens a new connection per request unless given an agent: keep them open instead
  // (a connect, an accept and a close per request cost each process more than the request itself).
  // An idle socket must be dropped before the service closes it (its Keep-Alive hint, 5 s), or a
  // request sent on it as it closes fails: Node's agent honours the hint only when it has a
  // timeout of its own to compare it with.
  // Tokens are verified here first (and again by each service): nothing anonymous is proxied.
  app.use(gatewayAuthentication(new OidcTokenVerifier({ issuerUrl: config.oidc.issuerUrl, audience: config.oidc.audience })));
  const upstreamAgent = new Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 16, timeout: 60_000 });
  for (const route of routes) {
    app.use(
      route.prefix,
      createProxyMiddleware({
        target: config.upstreams[route.service],
        agent: upstreamAgent,
        // Express strips the mount path; put it back so the service sees the full path.
        pathRewrite: (path) => `${route.prefix}${path === '/' ? '' : path}`,
        proxyTimeout: 30_000,
        on: {
          error: (error, request, response) => {
            logger.warn(`${request.method} ${request.url} to ${route.service} failed: ${error.message}`);
            const body = JSON.stringify({ type: 'about:blank', title: 'Service unavailable', status: 503, detail: `${route.service}: ${error.message}` });
            if ('writeHead' in response && !response.headersSent) response.writeHead(503, { 'content-type': 'application/problem+json' });
            response.end(body);
          },
        },
      }),
    );
  }
  serveConsole(app.getHttpAdapter().getInstance(), config.consoleDirectory, logger);
  app.enableShutdownHooks();
  await app.listen(config.port, '0.0.0.0');
  logger.log(`gateway listening on http://localhost:${config.port}; the console is at http://localhost:${config.port}/console/`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
