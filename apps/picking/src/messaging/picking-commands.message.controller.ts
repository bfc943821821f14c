import { Controller } from '@nestjs/common';
import type { EnvelopeOf } from '@wo/contracts/envelope';
import { CancelPickingList, CreatePickingList } from '@wo/contracts/picking';
import { OnMessage } from '@wo/messaging';
import { PickingLists } from '../application/picking-lists.service';

/** Kafka entry for commands from the work-order orchestrator. */
@Controller()
export class PickingCommandsMessageController {
  constructor(private readonly lists: PickingLists) {}

  @OnMessage(CreatePickingList)
  create(command: EnvelopeOf<typeof CreatePickingList>) {
    return this.lists.createFromCommand(command);
  }

  @OnMessage(CancelPickingList)
  cancel(command: EnvelopeOf<typeof CancelPickingList>) {
    return this.lists.cancelFromCommand(command);
  }
}
