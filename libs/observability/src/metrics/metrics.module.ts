import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';

/** Serves `GET /metrics`; import it into a process's root module (PlatformModule does for every service). */
@Module({ controllers: [MetricsController] })
export class MetricsModule {}
