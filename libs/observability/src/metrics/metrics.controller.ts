import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PublicRoute } from '../http/public-route';
import { metricsRegistry } from './registry';

/**
 * `GET /metrics` in the Prometheus text format, on the process's own port. Not routed through the
 * gateway or the ingress: Prometheus scrapes each pod (deploy/observability/service-monitor.yaml).
 */
@PublicRoute()
@Controller('metrics')
export class MetricsController {
  @Get()
  async scrape(@Res() response: Response): Promise<void> {
    const body = await metricsRegistry.metrics();
    response.setHeader('content-type', metricsRegistry.contentType);
    response.send(body);
  }
}
