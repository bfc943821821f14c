import { Controller } from '@nestjs/common';
import type { EnvelopeOf } from '@wo/contracts/envelope';
import { InboundOrderProgressed } from '@wo/contracts/inbound';
import { OnMessage } from '@wo/messaging';
import { InboundProgress } from '../application/inbound-progress.service';

/** Kafka entry for inbound's progress events. */
@Controller()
export class InboundEventsMessageController {
  constructor(private readonly inbound: InboundProgress) {}

  @OnMessage(InboundOrderProgressed)
  progressed(event: EnvelopeOf<typeof InboundOrderProgressed>) {
    return this.inbound.progressed(event);
  }
}
