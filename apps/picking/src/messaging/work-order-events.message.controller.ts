import { Controller } from '@nestjs/common';
import type { EnvelopeOf } from '@wo/contracts/envelope';
import { WorkOrderAllocated, WorkOrderCanceled, WorkOrderCompleted } from '@wo/contracts/work-orders';
import { OnMessage } from '@wo/messaging';
import { PickingRequests } from '../application/picking-requests.service';

/** Kafka entry for the public work-order events picking cares about. */
@Controller()
export class WorkOrderEventsMessageController {
  constructor(private readonly requests: PickingRequests) {}

  @OnMessage(WorkOrderAllocated)
  allocated(event: EnvelopeOf<typeof WorkOrderAllocated>) {
    return this.requests.allocated(event);
  }

  @OnMessage(WorkOrderCanceled)
  canceled(event: EnvelopeOf<typeof WorkOrderCanceled>) {
    return this.requests.canceled(event);
  }

  @OnMessage(WorkOrderCompleted)
  completed(event: EnvelopeOf<typeof WorkOrderCompleted>) {
    return this.requests.completed(event);
  }
}
