import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The process's one metrics registry: every series this codebase defines is registered here and
 * served by `GET /metrics`. A module-level singleton on purpose, like prom-client's own global
 * registry, so hot paths reach their counters without injection; tests read it too.
 */
export const metricsRegistry = new Registry();

let started = false;

/**
 * Names the process on every series (`service="work-orders"`) and turns on the Node runtime
 * defaults (CPU, heap, GC, event-loop lag). Once per process, before the first scrape.
 */
export function startProcessMetrics(service: string): void {
  if (started) return;
  started = true;
  metricsRegistry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: metricsRegistry });
}
