import { accessOf, mayCall, restRoutes, ROLES, type RestRoute, type Role } from '@wo/contracts/rest';
import { ApiClient } from '@wo/testing';
import { randomUUID } from 'node:crypto';
import { snapshotState } from './support/state-snapshot';

/**
 * The authorization matrix: every endpoint of the route table, called as every role (a merchant
 * user with a token scoped to a merchant) and without a token, through the gateway; and without a
 * token on the service's own port. What each may do is route-access.ts, the table the OpenAPI
 * document publishes: a service that lets a role through that the table refuses, or refuses one it
 * allows, fails here. Ids are fresh and bodies empty, so an allowed call ends in 400 or 404 and
 * nothing changes (the whole state is read before and after each endpoint).
 */
describe('authorization matrix: every endpoint × every role', () => {
  const gateway = process.env['GATEWAY_URL']!;
  const serviceUrls: Record<string, string> = {
    'work-orders': process.env['SERVICE_URL_WORK_ORDERS']!,
    inventory: process.env['SERVICE_URL_INVENTORY']!,
    picking: process.env['SERVICE_URL_PICKING']!,
    inbound: process.env['SERVICE_URL_INBOUND']!,
  };
  const merchantId = randomUUID();
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    for (const role of ROLES) {
      tokens.set(role, await ApiClient.tokenFor(role, role === 'merchant-user' ? { merchantIds: [merchantId] } : {}));
    }
  });

  const call = (base: string, route: RestRoute, token: string | null) =>
    fetch(`${base}${route.path.replace(/\{\w+\}/g, () => randomUUID())}`, {
      method: route.method.toUpperCase(),
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: route.method === 'get' ? undefined : '{}',
    });

  const protectedRoutes = restRoutes.filter((route) => accessOf(route.operationId).roles !== 'public');

  it('covers every endpoint behind the gateway', () => {
    expect(protectedRoutes.length).toBeGreaterThanOrEqual(40);
  });

  it.each(restRoutes.filter((route) => accessOf(route.operationId).roles === 'public').map((route) => [route.operationId, route] as const))(
    '%s answers without a token',
    async (_operationId, route) => {
      const response = await call(gateway, route, null);
      expect([200, 503]).toContain(response.status);
    },
  );

  it.each(protectedRoutes.map((route) => [route.operationId, route.method.toUpperCase(), route.path, route] as const))(
    '%s (%s %s): each role as the table says, 401 without a token on the gateway and on the service',
    async (_operationId, _method, _path, route) => {
      const access = accessOf(route.operationId);
      const before = await snapshotState(gateway);
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const role of ROLES) {
        const response = await call(gateway, route, tokens.get(role)!);
        const body = (await response.json().catch(() => null)) as { requiredRoles?: string[]; title?: string } | null;
        const allowed = mayCall(access, [role], role === 'merchant-user');
        expected[role] = allowed ? 'allowed' : 'refused';
        if (response.status === 403) {
          expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
          outcomes[role] = 'refused';
          // A role refusal names the roles that would do; a merchant-scoped token of a role that may do warehouse work is told why it may not.
          if (mayCall(access, [role], false)) expect(body?.title).toBe('Not allowed for a merchant-scoped token');
          else expect(new Set(body?.requiredRoles)).toEqual(new Set([...(access.roles as readonly Role[]), 'admin']));
        } else {
          outcomes[role] = response.status === 401 || response.status >= 500 ? `answered ${response.status}` : 'allowed';
        }
      }
      expect(outcomes).toEqual(expected);
      for (const base of [gateway, serviceUrls[route.service]!]) {
        const anonymous = await call(base, route, null);
        expect(anonymous.status).toBe(401);
        expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="work-orders"');
      }
      expect(await snapshotState(gateway)).toEqual(before);
    },
  );
});
