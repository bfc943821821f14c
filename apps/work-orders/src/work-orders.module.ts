import { Module, type DynamicModule } from '@nestjs/common';
import { prismaDatabaseProvider } from '@wo/database';
import { SagaMetrics } from '@wo/observability';
import { PlatformModule, type ServiceRuntime } from '@wo/platform';
import { SAGAS_ENDED } from './application/allocation-settled';
import { BomService } from './application/bom.service';
import { InboundProgress } from './application/inbound-progress.service';
import { PickingProgress } from './application/picking-progress.service';
import { ReallocationQueue } from './application/reallocation-queue.service';
import { ReferenceCheck } from './application/reference-check';
import { ReferenceDataReplica } from './application/reference-data-replica.service';
import { SAGA_TIMING, SagaRunner, sagaTimingFrom } from './application/saga-runner.service';
import { WorkOrderCommands } from './application/work-order-commands.service';
import { WorkOrderNumbers } from './application/work-order-numbers';
import { WorkOrderQueries } from './application/work-order-queries.service';
import { WorkOrderTransitions } from './application/work-order-transitions';
import { DeadLetterIndexConsumer } from './dead-letters/dead-letter-index.consumer';
import { DeadLetters } from './dead-letters/dead-letters.service';
import { BomsHttpController } from './http/boms.http.controller';
import { DeadLettersHttpController } from './http/dead-letters.http.controller';
import { SagasHttpController } from './http/sagas.http.controller';
import { WorkOrdersHttpController } from './http/work-orders.http.controller';
import { ReferenceDataMessageController } from './messaging/reference-data.message.controller';
import { InboundEventsMessageController } from './messaging/inbound-events.message.controller';
import { PickingEventsMessageController } from './messaging/picking-events.message.controller';
import { SagaRepliesMessageController } from './messaging/saga-replies.message.controller';
import { StockEventsMessageController } from './messaging/stock-events.message.controller';
import { countUnfinishedSagas } from './persistence/saga-counts';
import { WorkOrdersDatabase } from './persistence/work-orders-database';
import { SagaDeadlineSweeper } from './saga-deadlines/saga-deadline-sweeper';
import { SAGA_TYPES } from './saga/sagas';

@Module({})
export class WorkOrdersModule {
  static forRuntime(runtime: ServiceRuntime): DynamicModule {
    return {
      module: WorkOrdersModule,
      imports: [PlatformModule.forRuntime(runtime)],
      controllers: [
        WorkOrdersHttpController,
        BomsHttpController,
        SagasHttpController,
        DeadLettersHttpController,
        SagaRepliesMessageController,
        ReferenceDataMessageController,
        PickingEventsMessageController,
        InboundEventsMessageController,
        StockEventsMessageController,
      ],
      providers: [
        prismaDatabaseProvider(WorkOrdersDatabase),
        ReferenceCheck,
        ReferenceDataReplica,
        BomService,
        WorkOrderNumbers,
        WorkOrderTransitions,
        SagaRunner,
        WorkOrderCommands,
        ReallocationQueue,
        { provide: SAGAS_ENDED, useExisting: ReallocationQueue },
        WorkOrderQueries,
        PickingProgress,
        InboundProgress,
        SagaDeadlineSweeper,
        DeadLetters,
        DeadLetterIndexConsumer,
        { provide: SAGA_TIMING, useValue: sagaTimingFrom(process.env) },
        { provide: SagaMetrics, useFactory: () => sagaMetricsOn(runtime) },
      ],
    };
  }
}

/** The saga series, with the in-flight and stuck gauges read from the saga table at scrape time. */
function sagaMetricsOn(runtime: ServiceRuntime): SagaMetrics {
  const metrics = new SagaMetrics(SAGA_TYPES);
  metrics.watchUnfinished(() => countUnfinishedSagas(runtime.pool));
  return metrics;
}
