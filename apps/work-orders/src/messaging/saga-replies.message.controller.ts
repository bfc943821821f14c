import { Controller } from '@nestjs/common';
import type { EnvelopeOf } from '@wo/contracts/envelope';
import { FinishedGoodsInboundCreated } from '@wo/contracts/inbound';
import { ReservationConsumed, StockReleased, StockReservationRejected, StockReserved } from '@wo/contracts/inventory';
import { OnMessage } from '@wo/messaging';
import { SagaCoordinator } from '../application/saga-coordinator.service';

/** Kafka entry for the replies of saga participants: each goes to the saga it belongs to. */
@Controller()
export class SagaRepliesMessageController {
  constructor(private readonly sagas: SagaCoordinator) {}

  @OnMessage(StockReserved)
  reserved(reply: EnvelopeOf<typeof StockReserved>) {
    return this.sagas.onReply(reply);
  }

  @OnMessage(StockReservationRejected)
  rejected(reply: EnvelopeOf<typeof StockReservationRejected>) {
    return this.sagas.onReply(reply);
  }

  @OnMessage(StockReleased)
  released(reply: EnvelopeOf<typeof StockReleased>) {
    return this.sagas.onReply(reply);
  }

  @OnMessage(ReservationConsumed)
  consumed(reply: EnvelopeOf<typeof ReservationConsumed>) {
    return this.sagas.onReply(reply);
  }

  @OnMessage(FinishedGoodsInboundCreated)
  inboundCreated(reply: EnvelopeOf<typeof FinishedGoodsInboundCreated>) {
    return this.sagas.onReply(reply);
  }
}
