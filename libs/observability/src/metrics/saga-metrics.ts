import { Counter, Gauge, Histogram } from 'prom-client';
import { metricsRegistry } from './registry';

/** Sagas that are not finished, counted by type and state (`RUNNING`, `STUCK`). */
export type SagaCounts = readonly { readonly type: string; readonly state: string; readonly count: number }[];

/**
 * The saga series. The orchestrator gets one instance injected and calls it at the points where a
 * saga starts, takes a step, finishes or gets stuck, after the transaction that did it committed.
 */
export class SagaMetrics {
  private readonly startedTotal = new Counter({
    name: 'saga_started_total',
    help: 'Sagas started, by type.',
    labelNames: ['type'] as const,
    registers: [metricsRegistry],
  });
  private readonly finishedTotal = new Counter({
    name: 'saga_finished_total',
    help: 'Sagas finished, by type and outcome.',
    labelNames: ['type', 'outcome'] as const,
    registers: [metricsRegistry],
  });
  private readonly compensatedTotal = new Counter({
    name: 'saga_compensated_total',
    help: 'Sagas that ran a compensation giving back what they had taken (an allocation refused as a whole by ReserveStock v2 has nothing to give back).',
    labelNames: ['type'] as const,
    registers: [metricsRegistry],
  });
  private readonly resentTotal = new Counter({
    name: 'saga_step_resent_total',
    help: 'Saga steps re-sent after their deadline passed with no reply.',
    labelNames: ['type'] as const,
    registers: [metricsRegistry],
  });
  private readonly stuckTotal = new Counter({
    name: 'saga_stuck_total',
    help: 'Sagas marked stuck past their overall deadline.',
    labelNames: ['type'] as const,
    registers: [metricsRegistry],
  });
  private readonly duration = new Histogram({
    name: 'saga_duration_seconds',
    help: 'Time from a saga starting to its outcome, by type and outcome.',
    labelNames: ['type', 'outcome'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [metricsRegistry],
  });

  /** The types to show at zero before any saga of theirs ran (so dashboards and alerts have a series). */
  constructor(private readonly types: readonly string[] = ['allocation', 'release', 'completion']) {
    for (const type of types) {
      this.startedTotal.labels(type).inc(0);
      this.compensatedTotal.labels(type).inc(0);
      this.resentTotal.labels(type).inc(0);
      this.stuckTotal.labels(type).inc(0);
    }
  }

  started(type: string): void {
    this.startedTotal.labels(type).inc();
  }

  /** `outcome` is the end's label, as each saga's definition names it (`allocated`, `out_of_stock`, `released`, ...). */
  finished(type: string, outcome: string, seconds: number): void {
    this.finishedTotal.labels(type, outcome).inc();
    this.duration.labels(type, outcome).observe(seconds);
  }

  compensated(type: string): void {
    this.compensatedTotal.labels(type).inc();
  }

  resent(type: string): void {
    this.resentTotal.labels(type).inc();
  }

  stuck(type: string): void {
    this.stuckTotal.labels(type).inc();
  }

  /**
   * `sagas_in_flight{type}` and `sagas_stuck{type}`, read from the saga table at scrape time with
   * `count` (one grouped query over the unfinished rows).
   */
  watchUnfinished(count: () => Promise<SagaCounts>): void {
    const types = this.types;
    let pending: Promise<SagaCounts> | null = null;
    // Both gauges are collected in one scrape: share one query between them.
    const counts = () => (pending ??= count().finally(() => setTimeout(() => (pending = null), 250).unref()));
    const gauge = (name: string, help: string, state: string) =>
      new Gauge({
        name,
        help,
        labelNames: ['type'] as const,
        registers: [metricsRegistry],
        async collect() {
          const rows = await counts();
          for (const type of types) this.labels(type).set(0);
          for (const row of rows) if (row.state === state) this.labels(row.type).set(row.count);
        },
      });
    gauge('sagas_in_flight', 'Sagas running now (started, not finished, not stuck), by type.', 'RUNNING');
    gauge('sagas_stuck', 'Sagas stuck now (past their deadline, waiting for an operator), by type.', 'STUCK');
  }
}
