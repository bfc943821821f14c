import { Module, type DynamicModule } from '@nestjs/common';
import { prismaDatabaseProvider } from '@wo/database';
import { reservationMetrics } from '@wo/observability';
import { PlatformModule, type ServiceRuntime } from '@wo/platform';
import { GenealogyService } from './application/genealogy.service';
import { LotTraceService } from './application/lot-trace.service';
import { ReferenceDataService } from './application/reference-data.service';
import { PutawayService } from './application/putaway.service';
import { ReservationQueries } from './application/reservation-queries';
import { ReservationService } from './application/reservation.service';
import { StockCommands } from './application/stock-commands.service';
import { StockService } from './application/stock.service';
import { ReferenceDataHttpController } from './http/reference-data.http.controller';
import { ReservationsHttpController } from './http/reservations.http.controller';
import { StockHttpController } from './http/stock.http.controller';
import { TraceabilityHttpController } from './http/traceability.http.controller';
import { StockCommandsMessageController } from './messaging/stock-commands.message.controller';
import { WorkOrderEventsMessageController } from './messaging/work-order-events.message.controller';
import { InventoryDatabase } from './persistence/inventory-database';

@Module({})
export class InventoryModule {
  static forRuntime(runtime: ServiceRuntime): DynamicModule {
    reservationMetrics.register();
    return {
      module: InventoryModule,
      imports: [PlatformModule.forRuntime(runtime)],
      controllers: [
        ReferenceDataHttpController,
        StockHttpController,
        ReservationsHttpController,
        TraceabilityHttpController,
        StockCommandsMessageController,
        WorkOrderEventsMessageController,
      ],
      providers: [
        prismaDatabaseProvider(InventoryDatabase),
        ReferenceDataService,
        StockService,
        ReservationService,
        ReservationQueries,
        PutawayService,
        StockCommands,
        GenealogyService,
        LotTraceService,
      ],
    };
  }
}
