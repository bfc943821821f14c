import { DEV_AUDIENCE, REPO_ROOT, SERVICES } from '@wo/dev-system';
import { eventually } from '@wo/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { bearerHeader, signedInFetch } from './support/signed-in';
import { snapshotState } from './support/state-snapshot';

/**
 * The gateway's own edge: security headers, no X-Powered-By anywhere, rate limits shared across
 * replicas and counted per verified subject. API requests are signed in (admin unless told).
 */
describe('the gateway edge', () => {
  const baseUrl = process.env['GATEWAY_URL']!;
  const gatewayPort = Number(new URL(baseUrl).port);
  const servicePorts = [1, 2, 3, 4].map((offset) => gatewayPort + offset);
  const extraGateways: ChildProcess[] = [];

  /** Another gateway replica in front of the same services, with limits of its own. */
  async function startGateway(port: number, env: Record<string, string>): Promise<string> {
    const upstream = (service: (typeof SERVICES)[number]) => `http://127.0.0.1:${gatewayPort + 1 + SERVICES.indexOf(service)}`;
    const child = spawn(process.execPath, [resolve(REPO_ROOT, 'dist/apps/gateway/src/main.js')], {
      env: {
        ...process.env,
        PORT: String(port),
        OIDC_ISSUER_URL: process.env['OIDC_ISSUER_URL']!,
        OIDC_AUDIENCE: DEV_AUDIENCE,
        WORK_ORDERS_URL: upstream('work-orders'),
        INVENTORY_URL: upstream('inventory'),
        PICKING_URL: upstream('picking'),
        INBOUND_URL: upstream('inbound'),
        ...env,
      },
      stdio: 'ignore',
    });
    extraGateways.push(child);
    const url = `http://127.0.0.1:${port}`;
    await eventually(
      () =>
        fetch(`${url}/health/live`).then(
          (response) => response.status,
          () => 0,
        ),
      (status) => status === 200,
      { what: `the gateway on ${port} to listen` },
    );
    return url;
  }

  afterAll(async () => {
    await Promise.all(
      extraGateways.map((child) => new Promise((done) => (child.exitCode !== null ? done(null) : (child.once('exit', done), child.kill('SIGTERM'))))),
    );
  });

  it('sets helmet security headers and a strict CSP on API answers, errors included, and no X-Powered-By', async () => {
    for (const path of ['/merchants', '/work-orders/no-such-order', '/no-such-route', '/health/ready']) {
      const response = await signedInFetch(`${baseUrl}${path}`);
      expect({ path, csp: response.headers.get('content-security-policy') }).toEqual({ path, csp: "default-src 'none';frame-ancestors 'none'" });
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('strict-transport-security')).toContain('max-age=');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
    // A refusal by authentication carries them too.
    const anonymous = await fetch(`${baseUrl}/merchants`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect(anonymous.headers.get('x-powered-by')).toBeNull();
  });

  it("gives the console a CSP that lets its same-origin bundle and Mantine's inline styles run", async () => {
    const response = await fetch(`${baseUrl}/console/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('no service says X-Powered-By on its own port either', async () => {
    for (const port of servicePorts) {
      for (const path of ['/health/live', '/no-such-route']) {
        const response = await fetch(`http://127.0.0.1:${port}${path}`);
        expect({ port, path, poweredBy: response.headers.get('x-powered-by') }).toEqual({ port, path, poweredBy: null });
      }
    }
  });

  it('says the rate limit on every answer; the probes are exempt', async () => {
    const response = await signedInFetch(`${baseUrl}/merchants`);
    expect(Number(response.headers.get('ratelimit-limit'))).toBeGreaterThanOrEqual(6_000);
    expect(Number(response.headers.get('ratelimit-remaining'))).toBeGreaterThan(0);
    expect(response.headers.get('ratelimit-reset')).toMatch(/^\d+$/);
    expect((await fetch(`${baseUrl}/health/live`)).headers.get('ratelimit-limit')).toBeNull();
  });

  it('holds one budget per verified subject across replicas (Redis) and answers 429 problem+json with Retry-After past it, changing nothing', async () => {
    const limits = { GATEWAY_RATE_LIMIT_POINTS: '5', GATEWAY_RATE_LIMIT_WINDOW_SECONDS: '60', GATEWAY_RATE_LIMIT_PREFIX: `e2e-rate-limit-${randomUUID()}` };
    const [first, second] = await Promise.all([startGateway(gatewayPort + 10, limits), startGateway(gatewayPort + 11, limits)]);
    const before = await snapshotState(baseUrl);
    const statuses: number[] = [];
    for (const gateway of [first, second, first, second, first]) statuses.push((await signedInFetch(`${gateway}/merchants`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);

    const refused = await signedInFetch(`${second}/merchants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Over the limit' }),
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit-limit')).toBe('5');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(await refused.json()).toMatchObject({ status: 429 });
    expect(await snapshotState(baseUrl)).toEqual(before);

    // Another signed-in user (another verified subject, same address) has a budget of its own; the probes stay open.
    expect((await fetch(`${first}/merchants`, { headers: await bearerHeader('planner') })).status).toBe(200);
    expect((await fetch(`${first}/health/live`)).status).toBe(200);
    // A made-up subject buys no budget: a token that does not verify is refused before the limit counts.
    const forged = `x.${Buffer.from(JSON.stringify({ sub: `user-${randomUUID()}` })).toString('base64url')}.y`;
    expect((await fetch(`${first}/merchants`, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
    // Still over the limit for admin, whichever replica it asks.
    expect((await signedInFetch(`${first}/merchants`)).status).toBe(429);
  });

  it('fails open when Redis cannot answer: it keeps serving', async () => {
    const gateway = await startGateway(gatewayPort + 12, { REDIS_URL: 'redis://127.0.0.1:1', GATEWAY_RATE_LIMIT_POINTS: '1' });
    for (let request = 0; request < 3; request++) expect((await signedInFetch(`${gateway}/merchants`)).status).toBe(200);
  });
});
