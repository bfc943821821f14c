import { Controller } from '@nestjs/common';
import type { EnvelopeOf } from '@wo/contracts/envelope';
import { PickingListCanceled, PickingListCompleted, PickingListCreated, PickingListRefused, PickingListStarted } from '@wo/contracts/picking';
import { OnMessage } from '@wo/messaging';
import { PickingProgress } from '../application/picking-progress.service';

/** Kafka entry for picking's list events. */
@Controller()
export class PickingEventsMessageController {
  constructor(private readonly picking: PickingProgress) {}

  @OnMessage(PickingListCreated)
  created(event: EnvelopeOf<typeof PickingListCreated>) {
    return this.picking.listCreated(event);
  }

  @OnMessage(PickingListRefused)
  refused(event: EnvelopeOf<typeof PickingListRefused>) {
    return this.picking.listRefused(event);
  }

  @OnMessage(PickingListStarted)
  started(event: EnvelopeOf<typeof PickingListStarted>) {
    return this.picking.listStarted(event);
  }

  @OnMessage(PickingListCompleted)
  completed(event: EnvelopeOf<typeof PickingListCompleted>) {
    return this.picking.listCompleted(event);
  }

  @OnMessage(PickingListCanceled)
  canceled(event: EnvelopeOf<typeof PickingListCanceled>) {
    return this.picking.listCanceled(event);
  }
}
