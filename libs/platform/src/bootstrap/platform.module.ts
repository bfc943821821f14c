import { APP_GUARD } from '@nestjs/core';
import { Global, Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { MetricsModule, rootLogger, stopTracing } from '@wo/observability';
import { PG_POOL, SqlDatabase } from '@wo/database';
import { HealthController, READINESS_CHECKS } from '../health/health.controller';
import { AccessGuard, TOKEN_VERIFIER } from '../identity/access.guard';
import { OidcTokenVerifier } from '../identity/token-verifier';
import { SERVICE_RUNTIME, type ServiceRuntime } from './service-runtime';

/**
 * Serves `GET /metrics` (MetricsModule). Makes a service's runtime (config, database pool, Kafka) and `SqlDatabase` on its pool injectable, serves its health probes,
 * and closes everything in order at shutdown: consumers are already stopped by then, so the relay
 * publishes what they committed before the producer and the pool go away.
 */
@Global()
@Module({})
export class PlatformModule implements OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  constructor(@Inject(SERVICE_RUNTIME) private readonly runtime: ServiceRuntime) {}

  static forRuntime(runtime: ServiceRuntime): DynamicModule {
    return {
      module: PlatformModule,
      imports: [MetricsModule],
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_RUNTIME, useValue: runtime },
        { provide: PG_POOL, useValue: runtime.pool },
        { provide: SqlDatabase, useValue: new SqlDatabase(runtime.pool) },
        // Every route needs a verified token and a role it declares, unless it is @Public().
        { provide: TOKEN_VERIFIER, useValue: new OidcTokenVerifier({ issuerUrl: runtime.config.OIDC_ISSUER_URL, audience: runtime.config.OIDC_AUDIENCE }) },
        { provide: APP_GUARD, useClass: AccessGuard },
        {
          provide: READINESS_CHECKS,
          useValue: {
            database: () => runtime.pool.query('SELECT 1'),
            kafka: () => runtime.admin.describeCluster(),
          },
        },
      ],
      exports: [SERVICE_RUNTIME, PG_POOL, SqlDatabase],
    };
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    const { relay, producer, admin, pool } = this.runtime;
    await relay.stop();
    await producer.disconnect();
    await admin.disconnect();
    await pool.end();
    // After the relay's last publish, so its spans go out too.
    await stopTracing();
    this.logger.log(`${this.runtime.name} stopped${signal ? ` on ${signal}` : ''}; outbox flushed`);
    // Nest re-raises the signal right after this hook: write out what pino still buffers, or the last lines are lost.
    await new Promise<void>((flushed) => rootLogger().flush(() => flushed()));
  }
}
