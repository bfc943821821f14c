import type { Logger } from '@nestjs/common';
import { messagingMetrics } from '@wo/observability';
import type { KafkaMessage } from 'kafkajs';
import { deadLetterTopic, logicalTopic, physicalTopic, type KafkaSettings } from '../kafka/kafka-settings';
import type { SelfHealingProducer } from '../kafka/self-healing-producer';
import { DEAD_LETTER_HEADERS } from './dead-letter';
import type { PoisonMessage } from './poison-message';

/**
 * Sends a message that can never be processed to its topic's dead-letter topic, with the original
 * bytes and headers and the reason, so its partition keeps moving and an operator can replay it.
 */
export class DeadLetterPublisher {
  count = 0;

  constructor(
    private readonly producer: SelfHealingProducer,
    private readonly settings: KafkaSettings,
    private readonly groupId: string,
    private readonly logger: Logger,
  ) {}

  async publish(topic: string, partition: number, message: KafkaMessage, poison: PoisonMessage): Promise<void> {
    const source = logicalTopic(this.settings, topic);
    const target = physicalTopic(this.settings, deadLetterTopic(source));
    await this.producer.send({
      topic: target,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            [DEAD_LETTER_HEADERS.reason]: poison.reason,
            [DEAD_LETTER_HEADERS.detail]: poison.message.slice(0, 2_000),
            [DEAD_LETTER_HEADERS.source]: `${topic}/${partition}/${message.offset}`,
            [DEAD_LETTER_HEADERS.group]: this.groupId,
          },
        },
      ],
    });
    this.count += 1;
    messagingMetrics.deadLettered(source, poison.reason);
    this.logger.warn(`dead-lettered ${topic}/${partition}@${message.offset} to ${target}: ${poison.message}`);
  }
}
