import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request } from 'express';
import {
  httpMetricsMiddleware,
  httpTracing,
  OPERATIONAL_PATHS,
  PinoNestLogger,
  propagateTraceContext,
  requestLogging,
  startLogging,
  startProcessMetrics,
  startTracing,
  tracingStartedLine,
} from '@wo/observability';
import { answerClientErrorsAsProblems, OidcTokenVerifier, ProblemDetailsFilter, refuseLongUrls } from '@wo/platform';
import { createProxyMiddleware, debugProxyErrorsPlugin, proxyEventsPlugin, type Plugin } from 'http-proxy-middleware';
import { Agent, type ServerResponse } from 'node:http';
import IORedis from 'ioredis';
import { serveApiDocs } from './api-docs';
import { bodyLimit, forwardBody } from './body-limit';
import { CONSOLE_PATH, serveConsole } from './console-assets';
import { gatewayAuthentication } from './gateway-authentication';
import { rateLimit } from './rate-limit';
import { securityHeaders } from './security-headers';
import { loadGatewayConfig } from './gateway-config';
import { GatewayModule } from './gateway.module';
import { routes } from './routes';
import { connectionRefused, UpstreamPool } from './upstream-pool';

/** A proxied request: the replica it goes to, those it already tried, and its path as mounted. */
type RoutedRequest = Request & { upstream: string; tried: string[]; mountedUrl: string; fail: NextFunction };

/** One HTTP entry that routes by path prefix to the service that owns it, like the ingress does. */
async function main(): Promise<void> {
  const rootLogger = startLogging('gateway');
  Logger.overrideLogger(new PinoNestLogger(rootLogger));
  const config = loadGatewayConfig();
  const logger = new Logger('gateway');
  startProcessMetrics('gateway');
  if (startTracing('gateway')) logger.log(tracingStartedLine());
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forConfig(config), { bodyParser: false, logger: new PinoNestLogger(rootLogger) });
  app.disable('x-powered-by');
  app.use(securityHeaders({ identityProvider: config.oidc.issuerUrl }));
  // Proxied requests and the console's files match no route of the gateway's own: their route label is the prefix.
  const prefixes = [...routes.map((route) => route.prefix), CONSOLE_PATH];
  const routeOf = (request: Request) => prefixes.find((prefix) => request.originalUrl.startsWith(prefix))?.concat('/*');
  app.use(httpMetricsMiddleware({ routeOf }));
  // The request's span, the parent of the service's: the proxy passes its traceparent on.
  app.use(httpTracing({ routeOf }));
  // A request id for each request, passed on to the service (x-request-id), on every line both log.
  app.use(requestLogging(rootLogger));
  // Unknown routes and the gateway's own errors answer problem+json, like every service.
  app.useGlobalFilters(new ProblemDetailsFilter());
  // http-proxy opens a new connection per request unless given an agent: keep them open instead
  // (a connect, an accept and a close per request cost each process more than the request itself).
  // An idle socket must be dropped before the service closes it (its Keep-Alive hint, 5 s), or a
  // request sent on it as it closes fails: Node's agent honours the hint only when it has a
  // timeout of its own to compare it with.
  answerClientErrorsAsProblems(app.getHttpServer());
  app.use(refuseLongUrls());
  // No offline queue: while Redis is away a count fails at once and the limiter fails open.
  const redis = new IORedis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined); // reported by the limiter when it fails open, not once per reconnect attempt
  // http-proxy-middleware adds a close listener per route; this one makes it more than Node's default ten.
  app.getHttpServer().setMaxListeners(routes.length + 5);
  app.getHttpServer().on('close', () => redis.disconnect());
  // Tokens are verified here first (and again by each service): nothing anonymous is proxied.
  app.use(gatewayAuthentication(new OidcTokenVerifier({ issuerUrl: config.oidc.issuerUrl, audience: config.oidc.audience })));
  // The limit runs after it: a signed-in caller is counted by its verified subject, others by address.
  app.use(rateLimit({ redis, ...config.rateLimit, exempt: (path) => OPERATIONAL_PATHS.some((operational) => path.startsWith(operational)), logger }));
  app.use(bodyLimit(config.bodyLimit));
  const upstreamAgent = new Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 16, timeout: 60_000 });
  for (const route of routes) {
    const replicas = new UpstreamPool(config.upstreams[route.service]);
    const proxy = createProxyMiddleware<RoutedRequest>({
      target: replicas.urls[0],
      router: (request) => request.upstream,
      agent: upstreamAgent,
      // Express strips the mount path; put it back so the service sees the full path.
      pathRewrite: (path) => `${route.prefix}${path === '/' ? '' : path}`,
      proxyTimeout: 30_000,
      // The default plugins but the logger: it builds a URL for every proxied answer to hand to a
      // logger that discards it (1.9 % of the gateway's CPU in the bench); requestLogging logs.
      ejectPlugins: true,
      plugins: [debugProxyErrorsPlugin, proxyEventsPlugin] as unknown as Plugin<RoutedRequest, ServerResponse>[],
      on: {
        proxyReq: (proxyRequest, request) => {
          propagateTraceContext(proxyRequest);
          forwardBody(proxyRequest, request);
        },
        error: (error, request, response) => {
          // A replica that refused the connection never saw the request: send it to the next one.
          if (connectionRefused(error) && 'writeHead' in response && !response.headersSent) {
            replicas.refused(request.upstream);
            const next = replicas.pick(request.tried);
            if (next) return void send(request, response, next);
          }
          logger.warn(`${request.method} ${request.url} to ${route.service} failed: ${error.message}`);
          const body = JSON.stringify({ type: 'about:blank', title: 'Service unavailable', status: 503, detail: `${route.service}: ${error.message}` });
          if ('writeHead' in response && !response.headersSent) response.writeHead(503, { 'content-type': 'application/problem+json' });
          response.end(body);
        },
      },
    });
    const send = (request: RoutedRequest, response: ServerResponse, upstream: string) => {
      request.upstream = upstream;
      request.tried.push(upstream);
      request.url = request.mountedUrl; // the proxy rewrote it on the attempt before
      void proxy(request, response, request.fail);
    };
    app.use(route.prefix, (request: RoutedRequest, response: ServerResponse, next: NextFunction) => {
      request.tried = [];
      request.mountedUrl = request.url;
      request.fail = next;
      send(request, response, replicas.pick()!);
    });
  }
  serveApiDocs(app.getHttpAdapter().getInstance());
  serveConsole(app.getHttpAdapter().getInstance(), config.consoleDirectory, logger);
  app.enableShutdownHooks();
  await app.listen(config.port, '0.0.0.0');
  logger.log(`gateway listening on http://localhost:${config.port}; the console is at http://localhost:${config.port}/console/`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
