import { deleteTopics, dropDatabases, REPO_ROOT, RunningSystem, SERVICES, type ProcessName } from '@wo/dev-system';
import { ApiClient, eventually, WarehouseFixture } from '@wo/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2eOptions } from '../e2e/support/e2e-system';
import { Lifecycle } from '../e2e/support/lifecycle';
import { checkRules, LocalPrometheus } from './support/prometheus';

const RULES = join(REPO_ROOT, 'deploy/observability/alert-rules.yml');
const DASHBOARD = join(REPO_ROOT, 'deploy/observability/dashboard.json');

interface Panel {
  readonly type: string;
  readonly title: string;
  readonly targets?: readonly { readonly expr: string }[];
}

/** Every query of the dashboard, with Grafana's interval variables as Grafana would fill them in. */
function dashboardQueries(): { panel: string; expr: string }[] {
  const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as { panels: Panel[] };
  return dashboard.panels.flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr.replaceAll('$__rate_interval', '1m') })),
  );
}

/** Every alert of the rules file: its name and expression (a small reader for this file's layout, no YAML parser needed). */
function alertRules(): { alert: string; expr: string }[] {
  const rules: { alert: string; expr: string }[] = [];
  let alert: string | null = null;
  for (const line of readFileSync(RULES, 'utf8').split('\n')) {
    const name = /^\s+- alert: (\S+)$/.exec(line);
    if (name) alert = name[1]!;
    const expr = /^\s+expr: (.+)$/.exec(line);
    if (expr && alert) rules.push({ alert, expr: expr[1]! });
  }
  return rules;
}

/**
 * The dashboard and the alerts, tested for real: a whole system and a real Prometheus scraping it
 * every second with the alert rules loaded. After a few work orders every panel's query returns
 * data and every alert's expression is valid; the saga, outbox and lag series move; and with
 * inventory gone, a saga gets stuck and the SagaStuck alert fires.
 */
describe('dashboards and alerts against a real Prometheus', () => {
  // Short saga deadlines, so a saga with no answer is stuck within seconds (the fault tier's way).
  Object.assign(process.env, { SAGA_STEP_TIMEOUT_MS: '1000', SAGA_MAX_BACKOFF_MS: '1000', SAGA_DEADLINE_MS: '8000' });
  const options = e2eOptions();
  // The orders are made signed in (admin, at the system's own dev provider); Prometheus scrapes the public /metrics.
  let api: ApiClient;
  let system: RunningSystem;
  let prometheus: LocalPrometheus;
  let warehouse: WarehouseFixture;

  beforeAll(async () => {
    await dropDatabases(options);
    system = new RunningSystem(options);
    await system.start();
    api = system.client('admin');
    const ports: Record<ProcessName, number> = Object.fromEntries([
      ['gateway', options.gatewayPort],
      ...SERVICES.map((service, index) => [service, options.gatewayPort + 1 + index]),
    ]);
    prometheus = await LocalPrometheus.start({
      directory: join(REPO_ROOT, `.local/observability/prometheus-${options.gatewayPort}`),
      targets: Object.entries(ports).map(([service, port]) => ({ service, port })),
      ruleFiles: [RULES],
    });
    warehouse = await WarehouseFixture.create(api, { skus: ['OBS-BOX', 'OBS-SOAP', 'OBS-SET'] });
    await warehouse.stock([
      { sku: 'OBS-BOX', locationCode: 'A-01', quantity: 10 },
      { sku: 'OBS-SOAP', locationCode: 'B-01', quantity: 3 },
    ]);
  });

  afterAll(async () => {
    await prometheus?.stop();
    await system?.stop();
    if (system) await deleteTopics(system.options);
  });

  it('has alert rules that promtool accepts', () => {
    const checked = checkRules(RULES);
    expect(checked.output).toContain('SUCCESS');
    expect(checked.status).toBe(0);
  });

  it('scrapes the gateway and every service', async () => {
    const up = await eventually(
      () => prometheus.query('up'),
      (result) => result.data?.result.length === 5 && result.data.result.every((series) => series.value[1] === '1'),
      { timeoutMs: 20_000, what: 'every target up' },
    );
    expect(up.data!.result.map((series) => series.metric['service']).sort()).toEqual(['gateway', 'inbound', 'inventory', 'picking', 'work-orders']);
  });

  it('sees the saga, reservation and outbox series move as work orders run', async () => {
    const lifecycle = new Lifecycle(api, warehouse);
    // Allocated, then picked and completed (the completion saga).
    const completed = await lifecycle.allocatedOrder([{ sku: 'OBS-BOX', quantity: 2 }], [{ sku: 'OBS-SET', quantity: 1 }]);
    expect((await api.post(`/work-orders/${completed.id}/picking-lists`)).status).toBe(202);
    await lifecycle.pick((await lifecycle.listOf(completed.id)).id);
    await lifecycle.completable(completed.id);
    expect((await api.post(`/work-orders/${completed.id}/complete`)).status).toBe(202);
    await lifecycle.orderIn(completed.id, 'COMPLETED');
    // Allocated, then canceled (the release saga).
    const canceled = await lifecycle.allocatedOrder([{ sku: 'OBS-BOX', quantity: 1 }], [{ sku: 'OBS-SET', quantity: 1 }]);
    expect((await api.post(`/work-orders/${canceled.id}/cancel`)).status).toBe(202);
    await lifecycle.orderIn(canceled.id, 'CANCELED');
    // Short of soap: inventory refuses the whole order (ReserveStock v2 is all or nothing), so the box
    // is never taken and nothing needs giving back: Out of Stock, with no compensation run.
    const short = await warehouse.workOrder({
      outputs: [{ sku: 'OBS-SET', quantity: 1 }],
      materials: [
        { sku: 'OBS-BOX', quantity: 1 },
        { sku: 'OBS-SOAP', quantity: 5 },
      ],
    });
    expect((await api.post(`/work-orders/${short.id}/confirm`)).status).toBe(202);
    expect((await warehouse.settled(short.id)).status).toBe('OUT_OF_STOCK');

    const moved = async (expr: string) =>
      eventually(
        () => prometheus.scalar(expr),
        (value) => value > 0,
        { timeoutMs: 15_000, intervalMs: 500, what: expr },
      );
    await moved('sum(saga_finished_total{type="allocation",outcome="allocated"})');
    await moved('sum(saga_finished_total{type="allocation",outcome="out_of_stock"})');
    await moved('sum(saga_finished_total{type="completion",outcome="completed"})');
    await moved('sum(saga_finished_total{type="release",outcome="released"})');
    await moved('sum(increase(saga_started_total[2m]))');
    await moved('sum(saga_duration_seconds_count{type="allocation"})');
    await moved('sum(reservations_total{outcome="rejected"})');
    await moved('sum(reservation_units_short_total)');
    await moved('sum(increase(outbox_published_messages_total{service="work-orders"}[2m]))');
    await moved('sum(messages_consumed_total{service="inventory",topic="inventory.stock-commands"})');
    // Route labels are patterns, never paths with ids: bounded series.
    await moved('sum(http_requests_total{service="work-orders",route="/work-orders/:id",method="GET"})');
    await moved('sum(http_requests_total{service="gateway",route="/work-orders/*"})');
    // Shown at zero from the start, and still zero: no allocation had anything to give back.
    expect(await prometheus.scalar('sum(saga_compensated_total{type="allocation"})')).toBe(0);
    expect((await prometheus.query('http_requests_total{route=~".*[0-9a-f]{8}-[0-9a-f]{4}-.*"}')).data!.result).toEqual([]);
    // Scrape-time gauges: present for every service, settled back to nothing in flight.
    expect((await prometheus.query('outbox_pending_messages')).data!.result).toHaveLength(4);
    expect((await prometheus.query('outbox_oldest_message_age_seconds')).data!.result).toHaveLength(4);
    await eventually(
      () => prometheus.scalar('sum(sagas_in_flight)'),
      (value) => value === 0,
      { timeoutMs: 15_000, intervalMs: 500, what: 'no saga in flight' },
    );
    // Lag of every partition each service consumes; drained once the orders settled.
    const partitions = Number(process.env['KAFKA_PARTITIONS'] ?? 8);
    expect((await prometheus.query('kafka_consumer_lag{service="inventory",topic="inventory.stock-commands"}')).data!.result).toHaveLength(partitions);
    expect(await prometheus.scalar('count(count by (service, topic) (kafka_consumer_lag))')).toBeGreaterThanOrEqual(8);
    await moved('sum(max_over_time(kafka_consumer_lag[5m])) + 1');
    await eventually(
      () => prometheus.scalar('sum(kafka_consumer_lag{service="work-orders"})'),
      (value) => value === 0,
      { timeoutMs: 15_000, intervalMs: 500, what: 'work-orders to have consumed everything' },
    );
  });

  it('answers every panel of the dashboard with data', async () => {
    const queries = dashboardQueries();
    expect(queries.length).toBeGreaterThanOrEqual(20);
    const empty: string[] = [];
    for (const { panel, expr } of queries) {
      const result = await prometheus.query(expr);
      expect({ panel, expr, status: result.status, error: result.error }).toEqual({ panel, expr, status: 'success', error: undefined });
      if (result.data!.result.length === 0) empty.push(`${panel}: ${expr}`);
    }
    expect(empty).toEqual([]);
  });

  it('evaluates every alert expression, and Prometheus loaded every rule healthy', async () => {
    const rules = alertRules();
    expect(rules.map((rule) => rule.alert).sort()).toEqual([
      'ConsumerLagGrowing',
      'DeadLettersAppearing',
      'HighHttp5xxRate',
      'OutboxMessagesOld',
      'SagaStepsResentOften',
      'SagaStuck',
      'ServiceDown',
    ]);
    for (const { alert, expr } of rules) {
      const result = await prometheus.query(expr);
      expect({ alert, status: result.status, error: result.error }).toEqual({ alert, status: 'success', error: undefined });
    }
    const loaded = await prometheus.get<{ groups: { rules: { name: string; health: string; lastError?: string }[] }[] }>('/api/v1/rules');
    const health = loaded.groups.flatMap((group) => group.rules).map((rule) => [rule.name, rule.health, rule.lastError ?? '']);
    expect(health).toHaveLength(rules.length);
    for (const [name, state, error] of health) expect([name, state, error]).toEqual([name, 'ok', '']);
    // Nothing is wrong yet: no alert fires.
    expect(
      (await prometheus.get<{ alerts: { labels: { alertname: string }; state: string }[] }>('/api/v1/alerts')).alerts.filter(
        (alert) => alert.state === 'firing',
      ),
    ).toEqual([]);
  });

  it('fires SagaStuck when a saga gets no reply past its deadline (inventory gone)', async () => {
    await system.terminate('inventory', 'SIGKILL');
    const order = await warehouse.workOrder({ outputs: [{ sku: 'OBS-SET', quantity: 1 }], materials: [{ sku: 'OBS-BOX', quantity: 1 }] });
    expect((await api.post(`/work-orders/${order.id}/confirm`)).status).toBe(202);
    const firing = await eventually(
      () => prometheus.get<{ alerts: { labels: Record<string, string>; state: string; annotations: Record<string, string> }[] }>('/api/v1/alerts'),
      ({ alerts }) => alerts.some((alert) => alert.labels['alertname'] === 'SagaStuck' && alert.state === 'firing'),
      { timeoutMs: 60_000, intervalMs: 500, what: 'the SagaStuck alert to fire' },
    );
    const stuck = firing.alerts.find((alert) => alert.labels['alertname'] === 'SagaStuck')!;
    expect(stuck.labels).toMatchObject({ type: 'allocation', severity: 'page' });
    expect(stuck.annotations['runbook']).toContain('Retry');
    expect(await prometheus.scalar('sum(saga_step_resent_total{type="allocation"})')).toBeGreaterThan(0);
    expect(await prometheus.scalar('sum(saga_stuck_total{type="allocation"})')).toBeGreaterThanOrEqual(1);
    expect(await prometheus.scalar('up{service="inventory"}')).toBe(0);
  });
});
