import { quietChaosPlan, runChaos } from '@wo/chaos';
import { SERVICES, type RunningSystem } from '@wo/dev-system';
import { startIsolatedSystem, stopIsolatedSystem } from './isolated-system';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Two replicas of every service, as on Kubernetes: one consumer group per service, one relay
 * leader per database, one sweeper. While orders run their whole lifecycle, one replica of each
 * service is SIGKILLed and started again, so its partitions move to the other replica and back
 * (consumer-group rebalancing mid-saga) and the gateway routes around the dead one. After
 * settling: no invariant broken, nothing oversold, no stuck saga, no crash.
 */
describe('two replicas of every service, one of each killed mid-run', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startIsolatedSystem(
      'replicas',
      20,
      { SAGA_STEP_TIMEOUT_MS: '3000', SAGA_MAX_BACKOFF_MS: '10000', SAGA_DEADLINE_MS: '240000' },
      { replicas: 2 },
    );
  });

  afterAll(() => stopIsolatedSystem(system));

  it('keeps every invariant while replicas die and come back', async () => {
    const killed: string[] = [];
    let ordersAboutToRun!: () => void;
    const seeded = new Promise<void>((resolve) => (ordersAboutToRun = resolve));
    let runFinished = false;
    const killOneOfEach = async () => {
      await seeded; // stock in place: what follows happens while orders run
      await sleep(4_000);
      // All at once: for that moment every service runs on one replica, which takes over its partitions.
      const victims = SERVICES.map((service) => system.instancesOf(service)[1]!);
      await Promise.all(victims.map((victim) => system.terminate(victim, 'SIGKILL')));
      killed.push(...victims.map((victim) => `${victim}${runFinished ? ' (after the run)' : ''}`));
      await sleep(1_000);
      await Promise.all(victims.map((victim) => system.restart(victim)));
    };
    const [report] = await Promise.all([
      runChaos(system, quietChaosPlan(Number(process.env['REPLICAS_ORDERS'] ?? 24)), (line) => {
        if (line.startsWith('seeded')) ordersAboutToRun();
        process.stdout.write(`[replicas] ${line}\n`);
      }).finally(() => (runFinished = true)),
      killOneOfEach(),
    ]);
    process.stdout.write(
      `[replicas] ${JSON.stringify({ killed, ordersDriven: report.ordersDriven, outcomes: report.ordersByOutcome, settleSeconds: Math.round(report.settleSeconds), sagasCompleted: report.sagasCompleted, sagasCompensated: report.sagasCompensated })}\n`,
    );
    expect(killed).toEqual(['inventory-2', 'work-orders-2', 'picking-2', 'inbound-2']);
    expect(report.violations).toEqual([]);
    expect(report.oversoldUnits).toBe(0);
    expect(report.stuckSagas).toBe(0);
    expect(report.ordersDriven).toBeGreaterThan(0);
    expect(system.unexpectedExits).toEqual([]);
  });
});
