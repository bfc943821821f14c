import { EventEmitter } from 'node:events';
import type { NextFunction, Request, Response } from 'express';
import { httpMetricsMiddleware } from './http-metrics';
import { messagingMetrics, watchConsumerLag, watchOutbox } from './messaging-metrics';
import { metricsRegistry } from './registry';
import { SagaMetrics } from './saga-metrics';

/** One sample's value from the registry's text output, or undefined when the series is absent. */
async function sample(series: string): Promise<number | undefined> {
  const line = (await metricsRegistry.metrics()).split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('metrics', () => {
  const sagas = new SagaMetrics(['allocation', 'release']);
  let unfinished = [
    { type: 'allocation', state: 'RUNNING', count: 3 },
    { type: 'release', state: 'STUCK', count: 1 },
  ];
  sagas.watchUnfinished(async () => unfinished);
  watchOutbox(async () => ({ pending: 7, oldestAgeSeconds: 1.5 }));
  watchConsumerLag(async () => [{ topic: 'inventory.stock-replies', partition: 2, lag: 11 }], 0);

  it('counts saga starts, outcomes with their duration, compensations, re-sends and stuck sagas by type', async () => {
    expect(await sample('saga_started_total{type="release"}')).toBe(0);
    sagas.started('allocation');
    sagas.finished('allocation', 'out_of_stock', 0.2);
    sagas.compensated('allocation');
    sagas.resent('allocation');
    sagas.stuck('allocation');
    expect(await sample('saga_started_total{type="allocation"}')).toBe(1);
    expect(await sample('saga_finished_total{type="allocation",outcome="out_of_stock"}')).toBe(1);
    expect(await sample('saga_duration_seconds_bucket{le="0.25",type="allocation",outcome="out_of_stock"}')).toBe(1);
    expect(await sample('saga_duration_seconds_bucket{le="0.1",type="allocation",outcome="out_of_stock"}')).toBe(0);
    expect(await sample('saga_compensated_total{type="allocation"}')).toBe(1);
    expect(await sample('saga_step_resent_total{type="allocation"}')).toBe(1);
    expect(await sample('saga_stuck_total{type="allocation"}')).toBe(1);
  });

  it('reads sagas in flight and stuck at scrape time, every known type shown (at zero when none)', async () => {
    expect(await sample('sagas_in_flight{type="allocation"}')).toBe(3);
    expect(await sample('sagas_in_flight{type="release"}')).toBe(0);
    expect(await sample('sagas_stuck{type="release"}')).toBe(1);
    unfinished = [];
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await sample('sagas_in_flight{type="allocation"}')).toBe(0);
  });

  it('reads the outbox backlog and the consumer lag at scrape time', async () => {
    expect(await sample('outbox_pending_messages')).toBe(7);
    expect(await sample('outbox_oldest_message_age_seconds')).toBe(1.5);
    expect(await sample('kafka_consumer_lag{topic="inventory.stock-replies",partition="2"}')).toBe(11);
  });

  it('counts messages by logical topic and type, dead letters by reason (each shown at zero first)', async () => {
    expect(await sample('kafka_producer_resets_total')).toBeUndefined();
    messagingMetrics.register();
    messagingMetrics.register();
    expect(await sample('kafka_producer_resets_total')).toBe(0);
    messagingMetrics.consuming(['picking.events']);
    expect(await sample('messages_dead_lettered_total{topic="picking.events",reason="handler-failed"}')).toBe(0);
    messagingMetrics.consumed('picking.events', 'picking.PickingListCreated', 2);
    messagingMetrics.consumed('picking.events', 'picking.PickingListCreated');
    messagingMetrics.failed('picking.events', 'picking.PickingListCreated');
    messagingMetrics.deadLettered('picking.events', 'handler-failed');
    expect(await sample('messages_consumed_total{topic="picking.events",type="picking.PickingListCreated"}')).toBe(3);
    expect(await sample('messages_failed_total{topic="picking.events",type="picking.PickingListCreated"}')).toBe(1);
    expect(await sample('messages_dead_lettered_total{topic="picking.events",reason="handler-failed"}')).toBe(1);
  });

  it('labels HTTP requests with the route pattern, never the raw path', async () => {
    const middleware = httpMetricsMiddleware({ routeOf: (request) => (request.originalUrl.startsWith('/boms') ? '/boms/*' : undefined) });
    const answer = (request: Partial<Request>, status: number) => {
      const response = Object.assign(new EventEmitter(), { statusCode: status }) as unknown as Response;
      middleware({ method: 'GET', baseUrl: '', ...request } as Request, response, (() => undefined) as NextFunction);
      (response as unknown as EventEmitter).emit('finish');
    };
    answer({ originalUrl: '/work-orders/123', route: { path: '/work-orders/:id' } as Request['route'] }, 200);
    answer({ originalUrl: '/boms/9' }, 404);
    answer({ originalUrl: '/nowhere' }, 404);
    expect(await sample('http_requests_total{method="GET",route="/work-orders/:id",status="200"}')).toBe(1);
    expect(await sample('http_requests_total{method="GET",route="/boms/*",status="404"}')).toBe(1);
    expect(await sample('http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1);
    expect(await sample('http_request_duration_seconds_count{method="GET",route="/work-orders/:id",status="200"}')).toBe(1);
  });
});
