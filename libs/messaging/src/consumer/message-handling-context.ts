import { context, SpanKind, trace, type Span } from '@opentelemetry/api';
import type { Envelope } from '@wo/contracts/envelope';
import {
  endSpan,
  messagingAttributes,
  startSpan,
  contextOfTraceparent,
  traceparentOf,
  tracingEnabled,
  withLogContext,
  withTraceparent,
  type LogContext,
} from '@wo/observability';
import type { KafkaMessage } from 'kafkajs';

/** The ids a message's log lines carry: its own, its saga's, and the work order's when the payload names one. */
export function messageLogContext(envelope: Envelope): LogContext {
  const workOrderId = (envelope.payload as { workOrderId?: unknown } | null)?.workOrderId;
  return {
    messageId: envelope.id,
    correlationId: envelope.correlationId,
    ...(typeof workOrderId === 'string' && { workOrderId }),
  };
}

/**
 * Runs `work` as part of one message's handling: its ids on every log line, its handling span in
 * force. For handlers that work on many messages at once (each message's lines carry its own ids).
 */
export function withMessageContext<T>(envelope: Envelope, work: () => T): T {
  return withLogContext(messageLogContext(envelope), () => withTraceparent(envelope.traceparent, work));
}

/** One message's handling span, and the envelope as its handler sees it. */
export interface MessageHandling {
  readonly span: Span;
  /** The envelope with the handling span as its `traceparent`: what the handler sends in answer continues it. */
  readonly envelope: Envelope;
}

/**
 * Starts the CONSUMER span of one message's handling, the child of the context it was published in
 * (the relay's `traceparent` header, else the envelope's). Null while tracing is off: then the
 * envelope is handled as it came, and what it causes carries its trace context on unchanged.
 */
export function startHandling(topic: string, message: KafkaMessage, envelope: Envelope): MessageHandling | null {
  if (!tracingEnabled()) return null;
  const span = startSpan(`process ${envelope.type}`, {
    kind: SpanKind.CONSUMER,
    parent: contextOfTraceparent(message.headers?.['traceparent']?.toString() ?? envelope.traceparent),
    attributes: messagingAttributes({ operation: 'process', topic, id: envelope.id, type: envelope.type, correlationId: envelope.correlationId }),
  });
  const traceparent = traceparentOf(trace.setSpan(context.active(), span));
  return { span, envelope: traceparent ? { ...envelope, traceparent } : envelope };
}

/** Ends handling spans, as failed when `error` is given. */
export function endHandling(handlings: readonly (MessageHandling | null)[], error?: unknown): void {
  for (const handling of handlings) if (handling) endSpan(handling.span, error);
}
