import { Controller } from '@nestjs/common';
import type { Envelope } from '@wo/contracts/envelope';
import { OnMessages } from '@wo/messaging';
import { SagaRunner } from '../application/saga-runner.service';
import { SAGA_REPLIES } from '../saga/sagas';

/** Kafka entry for the replies of saga participants (every reply some saga expects): runs of them go to the sagas together. */
@Controller()
export class SagaRepliesMessageController {
  constructor(private readonly sagas: SagaRunner) {}

  @OnMessages('saga-replies', SAGA_REPLIES)
  replies(replies: Envelope[]) {
    return this.sagas.onReplies(replies);
  }
}
