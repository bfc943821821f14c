import { Controller } from '@nestjs/common';
import type { EnvelopeOf } from '@wo/contracts/envelope';
import { CreateFinishedGoodsInbound } from '@wo/contracts/inbound';
import { LocationAdded, PutawayRefused, WarehouseRegistered } from '@wo/contracts/inventory';
import { OnMessage } from '@wo/messaging';
import { InboundOrders } from '../application/inbound-orders.service';

/** Kafka entry: commands from the work-order orchestrator, inventory's locations and its refused putaways. */
@Controller()
export class InboundMessageController {
  constructor(private readonly orders: InboundOrders) {}

  @OnMessage(CreateFinishedGoodsInbound)
  create(command: EnvelopeOf<typeof CreateFinishedGoodsInbound>) {
    return this.orders.createForWorkOrder(command);
  }

  @OnMessage(WarehouseRegistered)
  warehouse(event: EnvelopeOf<typeof WarehouseRegistered>) {
    return this.orders.warehouseRegistered(event);
  }

  @OnMessage(LocationAdded)
  location(event: EnvelopeOf<typeof LocationAdded>) {
    return this.orders.locationAdded(event);
  }

  @OnMessage(PutawayRefused)
  putawayRefused(event: EnvelopeOf<typeof PutawayRefused>) {
    return this.orders.putawayRefused(event);
  }
}
