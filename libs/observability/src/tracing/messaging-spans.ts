import type { Attributes } from '@opentelemetry/api';

/**
 * OpenTelemetry's messaging attributes (semantic conventions, still "development" there, hence
 * spelled out here rather than imported from the incubating entry point, as the project advises).
 */
export function messagingAttributes(message: {
  readonly operation: 'send' | 'process';
  readonly topic: string;
  readonly id?: string;
  readonly type?: string;
  readonly key?: string;
  readonly correlationId?: string;
  readonly count?: number;
}): Attributes {
  return {
    'messaging.system': 'kafka',
    'messaging.operation.type': message.operation,
    'messaging.destination.name': message.topic,
    ...(message.id !== undefined && { 'messaging.message.id': message.id }),
    ...(message.type !== undefined && { 'messaging.message.type': message.type }),
    ...(message.key !== undefined && { 'messaging.kafka.message.key': message.key }),
    ...(message.correlationId !== undefined && { 'messaging.message.conversation_id': message.correlationId }),
    ...(message.count !== undefined && { 'messaging.batch.message_count': message.count }),
  };
}
