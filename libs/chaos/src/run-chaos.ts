import { ApiClient, WarehouseFixture, type StockLine } from '@wo/testing';
import { checkInvariants, type InvariantReport } from '@wo/invariants';
import type { InstanceName, RunningSystem } from '@wo/dev-system';
import { FaultInjector, type FaultCounts } from './fault-injector';
import type { PrivateRedis } from './outages';
import { driveOrder, type DrivenOrder, type OrderFate } from './order-driver';

export interface ChaosPlan {
  readonly orders: number;
  readonly concurrency: number;
  readonly skus: number;
  /** Units of each SKU in stock per order driven: below what the orders want, so stock is contested. */
  readonly stockPerOrder: number;
  /** How many of the SKUs are lot-tracked (default: half): their bins hold two lots each, of different expiry. */
  readonly lotTrackedSkus?: number;
  readonly killEveryMs: [number, number];
  readonly victims: readonly InstanceName[];
  readonly brokerRestart: boolean;
  /** With `brokerRestart`: restart it again this often (absent: once, 15 s in). */
  readonly brokerRestartEveryMs?: number;
  /** A Postgres outage (all sessions ended, 5 s without connections) this long into the drive. */
  readonly postgresOutageAfterMs?: number;
  /** A Redis outage (10 s) this long into the drive; the system must run on this Redis of its own. */
  readonly redisOutage?: { readonly afterMs: number; readonly redis: PrivateRedis };
  readonly duplicateShare: number;
  readonly orderTimeoutMs: number;
  readonly settleTimeoutMs: number;
}

export interface ChaosReport {
  readonly ordersDriven: number;
  readonly ordersByOutcome: Record<string, number>;
  readonly faults: FaultCounts;
  readonly driveSeconds: number;
  readonly settleSeconds: number;
  readonly sagasCompleted: number;
  readonly sagasCompensated: number;
  readonly stuckSagas: number;
  readonly invariantViolations: number;
  readonly oversoldUnits: number;
  readonly violations: string[];
  readonly invariants: InvariantReport['figures'];
}

/**
 * The chaos run's orders with its own faults switched off (no kills, no broker restart, no
 * duplicates): for a fault suite that injects its own beside them (outages, replicas).
 */
export function quietChaosPlan(orders: number): ChaosPlan {
  return {
    orders,
    concurrency: 8,
    skus: 6,
    stockPerOrder: 0.2,
    killEveryMs: [0, 0],
    victims: [],
    brokerRestart: false,
    duplicateShare: 0,
    orderTimeoutMs: 240_000,
    settleTimeoutMs: 120_000,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Drives orders through the whole lifecycle on contested stock while processes are killed, the
 * broker restarts and messages arrive twice; lets the system settle; checks every invariant.
 */
export async function runChaos(system: RunningSystem, plan: ChaosPlan, log: (line: string) => void = () => undefined): Promise<ChaosReport> {
  const api = system.client('admin');
  const skus = Array.from({ length: plan.skus }, (_, index) => `PART-${index + 1}`);
  const lotTracked = skus.slice(0, plan.lotTrackedSkus ?? Math.floor(plan.skus / 2));
  const warehouse = await WarehouseFixture.create(api, { skus: [...skus, 'KIT'], locations: ['A-01', 'A-02', 'B-01', 'B-02', 'FG-01'], lotTracked });
  const perSku = Math.max(1, Math.round(plan.orders * plan.stockPerOrder));
  await warehouse.stock(
    skus.flatMap((sku, index) =>
      [
        { sku, locationCode: index % 2 ? 'A-01' : 'B-01', quantity: Math.ceil(perSku / 2) },
        { sku, locationCode: index % 2 ? 'A-02' : 'B-02', quantity: Math.floor(perSku / 2) || 1 },
      ].flatMap((line) => (lotTracked.includes(sku) ? inTwoLots(line) : [line])),
    ),
  );
  log(`seeded ${skus.length} SKUs (${lotTracked.length} lot-tracked) with ${perSku} units each for ${plan.orders} orders`);

  const injector = new FaultInjector(system, {
    killEveryMs: plan.killEveryMs,
    victims: plan.victims,
    brokerRestartAfterMs: plan.brokerRestart ? 15_000 : null,
    brokerRestartEveryMs: plan.brokerRestartEveryMs ?? null,
    postgresOutageAfterMs: plan.postgresOutageAfterMs ?? null,
    redisOutage: plan.redisOutage ?? null,
    duplicateShare: plan.duplicateShare,
  });
  await injector.start();
  const started = Date.now();
  const orders: DrivenOrder[] = [];
  let next = 0;
  let finished = 0;
  const worker = async () => {
    while (next < plan.orders) {
      next += 1;
      const order = await createOrder(api, warehouse, skus, plan.orderTimeoutMs);
      if (!order) continue;
      orders.push(order);
      await driveOrder(api, order, 'FG-01', Date.now() + plan.orderTimeoutMs);
      finished += 1;
      if (finished % 100 === 0) log(`${finished} orders driven`);
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, worker));
  const driveSeconds = (Date.now() - started) / 1000;
  await injector.stop();
  log(`drove ${orders.length} orders in ${driveSeconds.toFixed(0)}s; faults: ${JSON.stringify(injector.counts)}; settling`);

  const settleStarted = Date.now();
  let report = await checkInvariants(system.options);
  while (report.violations.length > 0 && Date.now() - settleStarted < plan.settleTimeoutMs) {
    await sleep(1_000);
    report = await checkInvariants(system.options);
  }
  const ordersByOutcome: Record<string, number> = {};
  for (const order of orders) ordersByOutcome[order.finalStatus ?? 'unknown'] = (ordersByOutcome[order.finalStatus ?? 'unknown'] ?? 0) + 1;
  return {
    ordersDriven: orders.length,
    ordersByOutcome,
    faults: injector.counts,
    driveSeconds,
    settleSeconds: (Date.now() - settleStarted) / 1000,
    sagasCompleted: report.figures.sagas['FINISHED'] ?? 0,
    sagasCompensated: report.figures.compensatedSagas,
    stuckSagas: report.figures.sagas['STUCK'] ?? 0,
    invariantViolations: report.violations.length,
    oversoldUnits: report.figures.oversoldUnits,
    violations: report.violations,
    invariants: report.figures,
  };
}

/** A bin's stock as two lots: the later-expiring one at the bin, so allocation must walk FEFO across bins and lots. */
function inTwoLots(line: StockLine): StockLine[] {
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const early = Math.ceil(line.quantity / 2);
  return [
    { ...line, quantity: line.quantity - early, lot: { code: `LATE-${line.locationCode}`, expiresOn: inDays(90) } },
    { ...line, quantity: early, lot: { code: `SOON-${line.locationCode}`, expiresOn: inDays(30) } },
  ].filter((lot) => lot.quantity > 0);
}

async function createOrder(api: ApiClient, warehouse: WarehouseFixture, skus: string[], timeoutMs: number): Promise<DrivenOrder | null> {
  const count = 1 + Math.floor(Math.random() * 3);
  const chosen = [...skus].sort(() => Math.random() - 0.5).slice(0, count);
  const body = {
    merchantId: warehouse.merchantId,
    warehouseId: warehouse.warehouseId,
    name: 'chaos order',
    outputs: [{ sku: 'KIT', quantity: 1 }],
    materials: chosen.map((sku) => ({ sku, quantity: 1 + Math.floor(Math.random() * 2) })),
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await api.post('/work-orders', body);
      if (response.status === 201) return { id: response.body.id, fate: drawFate(), finalStatus: null, actions: 0 };
    } catch {
      // The gateway or work-orders is down: try again. A lost response may leave an extra Draft order, which is harmless.
    }
    await sleep(300);
  }
  return null;
}

function drawFate(): OrderFate {
  const roll = Math.random();
  if (roll < 0.1) return 'cancelWhenAllocated';
  if (roll < 0.2) return 'cancelListThenOrder';
  return 'complete';
}
