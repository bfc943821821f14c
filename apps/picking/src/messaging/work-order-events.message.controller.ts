import { Controller } from '@nestjs/common';
import { WorkOrderAllocated, WorkOrderCanceled, WorkOrderCompleted } from '@wo/contracts/work-orders';
import { OnMessages } from '@wo/messaging';
import { PickingRequests, type WorkOrderEvent } from '../application/picking-requests.service';

/** Kafka entry for the public work-order events picking cares about: runs of them go together. */
@Controller()
export class WorkOrderEventsMessageController {
  constructor(private readonly requests: PickingRequests) {}

  @OnMessages('work-order-events', [WorkOrderAllocated, WorkOrderCanceled, WorkOrderCompleted])
  apply(events: WorkOrderEvent[]) {
    return this.requests.apply(events);
  }
}
