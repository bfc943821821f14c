import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { MetricsController, PUBLIC_ROUTE as OBSERVABILITY_PUBLIC_ROUTE } from '@wo/observability';
import { HealthController } from '../health/health.controller';
import { ProblemException } from '../http/problem';
import { PUBLIC_ROUTE, RequireRole } from './access-policy';
import { AccessGuard } from './access.guard';
import type { TokenVerifier } from './token-verifier';

class GuardedController {
  @RequireRole('planner')
  list(): string {
    return 'listed';
  }
}

function httpContext(controller: new (...args: never[]) => object, handler: string, authorization?: string): ExecutionContext {
  const request = { headers: authorization ? { authorization } : {} };
  return {
    getType: () => 'http',
    getHandler: () => (controller.prototype as Record<string, unknown>)[handler],
    getClass: () => controller,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

describe('the access guard and the operational routes', () => {
  const verifier: TokenVerifier = { verify: async () => ({ subject: 'p-1', name: 'Pia Planner', roles: ['planner'], merchantIds: 'all' }) };
  const guard = new AccessGuard(new Reflector(), verifier);

  it("reads the same metadata key as observability's @PublicRoute()", () => {
    expect(PUBLIC_ROUTE).toBe(OBSERVABILITY_PUBLIC_ROUTE);
    expect(Reflect.getMetadata(PUBLIC_ROUTE, MetricsController)).toBe(true);
  });

  it('lets GET /metrics and the health probes through without a token', async () => {
    await expect(guard.canActivate(httpContext(MetricsController, 'scrape'))).resolves.toBe(true);
    await expect(guard.canActivate(httpContext(HealthController, 'live'))).resolves.toBe(true);
  });

  it('refuses any other route without a token with 401, and lets a token with the role through', async () => {
    const refused = await guard.canActivate(httpContext(GuardedController, 'list')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProblemException);
    expect((refused as ProblemException).problem.status).toBe(401);
    await expect(guard.canActivate(httpContext(GuardedController, 'list', 'Bearer some.valid.token'))).resolves.toBe(true);
  });
});
