import { Controller } from '@nestjs/common';
import type { Envelope } from '@wo/contracts/envelope';
import { FinishedGoodsInboundCreated } from '@wo/contracts/inbound';
import { ReservationConsumed, StockReleased, StockReservationRejected, StockReserved } from '@wo/contracts/inventory';
import { OnMessages } from '@wo/messaging';
import { SagaCoordinator } from '../application/saga-coordinator.service';
import type { SagaReply } from '../saga/saga-reply';

/** Kafka entry for the replies of saga participants: runs of them go to the sagas together. */
@Controller()
export class SagaRepliesMessageController {
  constructor(private readonly sagas: SagaCoordinator) {}

  @OnMessages('saga-replies', [StockReserved, StockReservationRejected, StockReleased, ReservationConsumed, FinishedGoodsInboundCreated])
  replies(replies: (Envelope & SagaReply)[]) {
    return this.sagas.onReplies(replies);
  }
}
