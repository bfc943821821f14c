import { Controller } from '@nestjs/common';
import type { EnvelopeOf } from '@wo/contracts/envelope';
import { StockReleased, StockReservationRejected, StockReserved } from '@wo/contracts/inventory';
import { OnMessage } from '@wo/messaging';
import { SagaCoordinator } from '../application/saga-coordinator.service';

/** Kafka entry for inventory's replies: each goes to the saga it belongs to. */
@Controller()
export class StockRepliesMessageController {
  constructor(private readonly sagas: SagaCoordinator) {}

  @OnMessage(StockReserved)
  reserved(reply: EnvelopeOf<typeof StockReserved>) {
    return this.sagas.onStockReply(reply);
  }

  @OnMessage(StockReservationRejected)
  rejected(reply: EnvelopeOf<typeof StockReservationRejected>) {
    return this.sagas.onStockReply(reply);
  }

  @OnMessage(StockReleased)
  released(reply: EnvelopeOf<typeof StockReleased>) {
    return this.sagas.onStockReply(reply);
  }
}
