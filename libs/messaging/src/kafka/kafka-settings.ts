import { kafkaLogCreator, rootLogger } from '@wo/observability';
import type { KafkaConfig } from 'kafkajs';
import { logLevel } from 'kafkajs';

/** How a service reaches Kafka and names its topics and consumer groups. */
export interface KafkaSettings {
  readonly brokers: string[];
  readonly clientId: string;
  /** Prepended to every topic and group: lets tests and environments share a broker. */
  readonly topicPrefix: string;
  /** Partitions for the topics a service creates. */
  readonly partitions: number;
}

export function physicalTopic(settings: Pick<KafkaSettings, 'topicPrefix'>, logicalTopic: string): string {
  return `${settings.topicPrefix}${logicalTopic}`;
}

export function logicalTopic(settings: Pick<KafkaSettings, 'topicPrefix'>, topic: string): string {
  return topic.startsWith(settings.topicPrefix) ? topic.slice(settings.topicPrefix.length) : topic;
}

/** Where messages that can never be processed go, one per source topic. */
export function deadLetterTopic(logical: string): string {
  return `${logical}.dead-letter`;
}

export function kafkaClientConfig(settings: KafkaSettings): KafkaConfig {
  return {
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    // kafkajs's own lines through the process's logger (JSON or pretty, with the service's name).
    logCreator: kafkaLogCreator(rootLogger()),
    retry: { initialRetryTime: 200, retries: 10, maxRetryTime: 5_000 },
  };
}
