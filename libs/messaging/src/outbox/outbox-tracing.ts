import { context, SpanKind, trace, type Span } from '@opentelemetry/api';
import type { OutgoingMessage } from '@wo/contracts/envelope';
import { activeTraceparent, contextOfTraceparent, endSpan, startSpan, traceparentOf } from '@wo/observability';

/**
 * The outbox write as spans: one per trace the messages belong to (their cause's, else the span in
 * force, such as the HTTP request's), each message stamped with its span as `traceparent`, so the
 * relay's publish continues from it. A message with no trace at all starts one here. Call only
 * while tracing is on.
 */
export function traceOutboxWrite(messages: readonly OutgoingMessage[]): { messages: OutgoingMessage[]; spans: Span[] } {
  const inForce = activeTraceparent();
  const spans = new Map<string, { span: Span; traceparent: string | undefined; count: number }>();
  const traced = messages.map((message) => {
    const parent = message.envelope.traceparent ?? inForce;
    const group = parent ?? '';
    let write = spans.get(group);
    if (!write) {
      const span = startSpan('outbox write', { kind: SpanKind.INTERNAL, parent: parent ? contextOfTraceparent(parent) : context.active() });
      write = { span, traceparent: traceparentOf(trace.setSpan(context.active(), span)), count: 0 };
      spans.set(group, write);
    }
    write.count += 1;
    write.span.addEvent('message added', { 'messaging.message.id': message.envelope.id, 'messaging.message.type': message.envelope.type });
    return write.traceparent ? { ...message, envelope: { ...message.envelope, traceparent: write.traceparent } } : message;
  });
  for (const { span, count } of spans.values()) span.setAttribute('messaging.batch.message_count', count);
  return { messages: traced, spans: [...spans.values()].map(({ span }) => span) };
}

export function endOutboxWrite(spans: readonly Span[], error?: unknown): void {
  for (const span of spans) endSpan(span, error);
}
