import { Controller } from '@nestjs/common';
import type { EnvelopeOf } from '@wo/contracts/envelope';
import { StockAvailable } from '@wo/contracts/inventory';
import { OnMessage } from '@wo/messaging';
import { ReallocationQueue } from '../application/reallocation-queue.service';

/** Kafka entry for inventory's stock events: stock that became available moves its re-allocation queue. */
@Controller()
export class StockEventsMessageController {
  constructor(private readonly queue: ReallocationQueue) {}

  @OnMessage(StockAvailable)
  stockAvailable(event: EnvelopeOf<typeof StockAvailable>) {
    return this.queue.stockAvailable(event);
  }
}
