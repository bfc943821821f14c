import { runChaos } from '@wo/chaos';
import type { RunningSystem } from '@wo/dev-system';
import { startIsolatedSystem, stopIsolatedSystem } from './isolated-system';

/**
 * The chaos run, short: orders through the whole lifecycle on contested stock while services are
 * SIGKILLed, the broker restarts and messages arrive twice. After settling: no invariant broken,
 * nothing oversold, no stuck saga. (`npm run chaos` is the long version.)
 */
describe('short chaos run', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startIsolatedSystem('chaos-short', 10, { SAGA_STEP_TIMEOUT_MS: '3000', SAGA_MAX_BACKOFF_MS: '10000', SAGA_DEADLINE_MS: '240000' });
  });

  afterAll(() => stopIsolatedSystem(system));

  it('keeps every invariant through kills, a broker restart and duplicate deliveries', async () => {
    const report = await runChaos(
      system,
      {
        orders: Number(process.env['CHAOS_SHORT_ORDERS'] ?? 80),
        concurrency: 8,
        skus: 6,
        stockPerOrder: 0.2,
        killEveryMs: [5_000, 9_000],
        victims: ['inventory', 'work-orders', 'picking', 'inbound', 'gateway'],
        brokerRestart: true,
        duplicateShare: 0.05,
        orderTimeoutMs: 240_000,
        settleTimeoutMs: 120_000,
      },
      (line) => process.stdout.write(`[chaos] ${line}\n`),
    );
    process.stdout.write(
      `[chaos] ${JSON.stringify({ ordersDriven: report.ordersDriven, outcomes: report.ordersByOutcome, faults: report.faults, driveSeconds: Math.round(report.driveSeconds), settleSeconds: Math.round(report.settleSeconds), sagasCompleted: report.sagasCompleted, sagasCompensated: report.sagasCompensated, stuckSagas: report.stuckSagas, violations: report.violations, oversoldUnits: report.oversoldUnits })}\n`,
    );
    expect(report.violations).toEqual([]);
    expect(report.oversoldUnits).toBe(0);
    expect(report.stuckSagas).toBe(0);
    expect(report.faults.brokerRestarts).toBe(1);
    expect(Object.values(report.faults.killed).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
    expect(report.ordersDriven).toBeGreaterThan(0);
  });
});
