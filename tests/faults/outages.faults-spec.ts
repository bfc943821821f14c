import { duringPostgresOutage, PrivateRedis, quietChaosPlan, readiness, runChaos } from '@wo/chaos';
import { SERVICES, type RunningSystem } from '@wo/dev-system';
import { eventually } from '@wo/testing';
import { faultsPort, startIsolatedSystem, stopIsolatedSystem } from './isolated-system';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Postgres and Redis go away mid-run, one after the other, while orders run their whole
 * lifecycle: every service's readiness reports the outage while it lasts (503 without its
 * database; work-orders `degraded`, still 200, without Redis, which only its deadline sweep
 * needs), and every service recovers by itself once they are back: no process restarted, nothing
 * lost or doubled, no saga stuck.
 */
describe('Postgres and Redis outages mid-run', () => {
  const redis = new PrivateRedis(faultsPort(36));
  let system: RunningSystem;

  beforeAll(async () => {
    await redis.start();
    system = await startIsolatedSystem(
      'outages',
      30,
      { SAGA_STEP_TIMEOUT_MS: '3000', SAGA_MAX_BACKOFF_MS: '10000', SAGA_DEADLINE_MS: '240000' },
      { redisUrl: redis.url },
    );
  });

  afterAll(async () => {
    await stopIsolatedSystem(system);
    await redis.stop();
  });

  it('reports each outage while it lasts and recovers from both by itself', async () => {
    const seen: Record<string, unknown> = {};
    let ordersAboutToRun!: () => void;
    const seeded = new Promise<void>((resolve) => (ordersAboutToRun = resolve));
    const outages = async () => {
      await seeded; // stock in place: what follows happens while orders run
      await sleep(4_000);
      await duringPostgresOutage(system.options, async () => {
        for (const service of SERVICES) {
          const answer = await eventually(
            () => readiness(system, service),
            (probe) => probe.status === 503 && probe.body?.checks?.database !== 'ok',
            { timeoutMs: 15_000, intervalMs: 250, what: `${service} to report its database down` },
          );
          seen[`${service} without Postgres`] = answer.body.checks.database;
        }
        await sleep(3_000);
      });
      await eventually(
        () => Promise.all(SERVICES.map((service) => readiness(system, service))),
        (probes) => probes.every((probe) => probe.status === 200),
        { timeoutMs: 30_000, intervalMs: 500, what: 'every service ready again after Postgres' },
      );
      await sleep(3_000);
      await redis.stop();
      const degraded = await eventually(
        () => readiness(system, 'work-orders'),
        (probe) => probe.status === 200 && probe.body?.status === 'degraded' && probe.body?.checks?.redis !== 'ok',
        { timeoutMs: 15_000, intervalMs: 250, what: 'work-orders to report Redis down' },
      );
      seen['work-orders without Redis'] = degraded.body.checks.redis;
      await sleep(5_000);
      await redis.start();
      await eventually(
        () => readiness(system, 'work-orders'),
        (probe) => probe.status === 200 && probe.body?.status === 'ok',
        { timeoutMs: 30_000, intervalMs: 500, what: 'work-orders to report Redis back' },
      );
    };
    const [report] = await Promise.all([
      runChaos(system, quietChaosPlan(Number(process.env['OUTAGES_ORDERS'] ?? 24)), (line) => {
        if (line.startsWith('seeded')) ordersAboutToRun();
        process.stdout.write(`[outages] ${line}\n`);
      }),
      outages(),
    ]);
    process.stdout.write(
      `[outages] ${JSON.stringify({ seen, ordersDriven: report.ordersDriven, outcomes: report.ordersByOutcome, driveSeconds: Math.round(report.driveSeconds), settleSeconds: Math.round(report.settleSeconds), sagasCompleted: report.sagasCompleted, sagasCompensated: report.sagasCompensated })}\n`,
    );
    expect(Object.keys(seen)).toHaveLength(SERVICES.length + 1);
    expect(report.violations).toEqual([]);
    expect(report.oversoldUnits).toBe(0);
    expect(report.stuckSagas).toBe(0);
    expect(report.ordersDriven).toBeGreaterThan(0);
    expect(system.unexpectedExits).toEqual([]);
  });
});
