import { Controller } from '@nestjs/common';
import { WorkOrderCompleted } from '@wo/contracts/work-orders';
import { OnMessages } from '@wo/messaging';
import { GenealogyService, type CompletedEvent } from '../application/genealogy.service';

/** Kafka entry for the public work-order events inventory cares about: completions, for the lot trace. */
@Controller()
export class WorkOrderEventsMessageController {
  constructor(private readonly genealogy: GenealogyService) {}

  @OnMessages('work-order-events', [WorkOrderCompleted])
  record(events: CompletedEvent[]) {
    return this.genealogy.record(events);
  }
}
