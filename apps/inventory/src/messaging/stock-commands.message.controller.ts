import { Controller } from '@nestjs/common';
import type { EnvelopeOf } from '@wo/contracts/envelope';
import { ConsumeReservation, PutAwayStock, ReleaseStock, ReserveStock } from '@wo/contracts/inventory';
import { OnMessage } from '@wo/messaging';
import { PutawayService } from '../application/putaway.service';
import { ReservationService } from '../application/reservation.service';

/** Kafka entry for stock commands: maps each message to its use case, nothing more. */
@Controller()
export class StockCommandsMessageController {
  constructor(
    private readonly reservations: ReservationService,
    private readonly putaways: PutawayService,
  ) {}

  @OnMessage(ReserveStock)
  reserve(command: EnvelopeOf<typeof ReserveStock>) {
    return this.reservations.reserve(command);
  }

  @OnMessage(ReleaseStock)
  release(command: EnvelopeOf<typeof ReleaseStock>) {
    return this.reservations.release(command);
  }

  @OnMessage(ConsumeReservation)
  consume(command: EnvelopeOf<typeof ConsumeReservation>) {
    return this.reservations.consume(command);
  }

  @OnMessage(PutAwayStock)
  putAway(command: EnvelopeOf<typeof PutAwayStock>) {
    return this.putaways.putAway(command);
  }
}
