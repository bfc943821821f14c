import { Test } from '@nestjs/testing';
import type { INestApplication } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GatewayConfig } from './gateway-config';
import { GatewayModule } from './gateway.module';

/** One fake service: answers /health/ready with the given status. */
async function fakeService(status: number): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    response.writeHead(request.url === '/health/ready' ? status : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ status: status === 200 ? 'ok' : 'unavailable' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('gateway health: its own readiness apart from the services behind it', () => {
  let app: INestApplication;
  let base: string;
  const servers: Server[] = [];

  beforeAll(async () => {
    const healthy = await fakeService(200);
    const sick = await fakeService(503);
    servers.push(healthy.server, sick.server);
    const config: GatewayConfig = {
      port: 0,
      // inventory is sick (503), picking is not even listening.
      upstreams: { 'work-orders': [healthy.url], inventory: [sick.url], picking: ['http://127.0.0.1:1'], inbound: [healthy.url, healthy.url] },
      consoleDirectory: '/nonexistent',
      bodyLimit: 1_048_576,
      rateLimit: { points: 6_000, windowSeconds: 10, keyPrefix: 'health-spec' },
      redisUrl: 'redis://127.0.0.1:6379',
      oidc: { issuerUrl: 'http://127.0.0.1:1', audience: 'urn:work-orders:api', clientId: 'console' },
    };
    const moduleRef = await Test.createTestingModule({ imports: [GatewayModule.forConfig(config)] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app.close();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('stays ready (the Kubernetes readiness probe) while a service behind it is sick', async () => {
    const response = await fetch(`${base}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', scope: 'self' });
  });

  it('stays live', async () => {
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });

  it('reports the sick and the unreachable services on the aggregate view /health/upstreams', async () => {
    const response = await fetch(`${base}/health/upstreams`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { checks: Record<string, string> };
    expect(body.checks['work-orders']).toBe('ok');
    expect(body.checks['inbound']).toBe('ok');
    expect(body.checks['inventory']).toBe('status 503');
    expect(body.checks['picking']).not.toBe('ok');
  });
});
