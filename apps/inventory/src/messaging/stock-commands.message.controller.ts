import { Controller } from '@nestjs/common';
import type { EnvelopeOf } from '@wo/contracts/envelope';
import { ReleaseStock, ReserveStock } from '@wo/contracts/inventory';
import { OnMessage } from '@wo/messaging';
import { ReservationService } from '../application/reservation.service';

/** Kafka entry for stock commands: maps each message to its use case, nothing more. */
@Controller()
export class StockCommandsMessageController {
  constructor(private readonly reservations: ReservationService) {}

  @OnMessage(ReserveStock)
  reserve(command: EnvelopeOf<typeof ReserveStock>) {
    return this.reservations.reserve(command);
  }

  @OnMessage(ReleaseStock)
  release(command: EnvelopeOf<typeof ReleaseStock>) {
    return this.reservations.release(command);
  }
}
