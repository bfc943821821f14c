import { context, propagation, ROOT_CONTEXT, SpanStatusCode, trace, type Attributes, type Context, type Span, type SpanKind } from '@opentelemetry/api';
import { tracer, tracingEnabled } from './tracing-sdk';

/** The W3C `traceparent` of a context's span, or undefined when it has none (or tracing is off). */
export function traceparentOf(of: Context): string | undefined {
  if (!tracingEnabled() || !trace.getSpan(of)) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(of, carrier);
  return carrier['traceparent'];
}

/** The W3C `traceparent` of the span in force here, if any. */
export function activeTraceparent(): string | undefined {
  return traceparentOf(context.active());
}

/** The context a W3C `traceparent` names, to start its children in (the root context without one). */
export function contextOfTraceparent(traceparent: string | undefined): Context {
  if (!traceparent || !tracingEnabled()) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, { traceparent });
}

export interface SpanOptions {
  readonly kind: SpanKind;
  readonly attributes?: Attributes;
  /** The parent; the context in force when left out. */
  readonly parent?: Context;
}

/** Starts a span (a no-op one while tracing is off); the caller ends it, with `endSpan`. */
export function startSpan(name: string, options: SpanOptions): Span {
  return tracer().startSpan(name, { kind: options.kind, ...(options.attributes && { attributes: options.attributes }) }, options.parent ?? context.active());
}

/** Ends a span, as failed when `error` is given. */
export function endSpan(span: Span, error?: unknown): void {
  if (error !== undefined) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
  }
  span.end();
}

/** Runs `work` with the span a `traceparent` names in force (its logs and children belong to it). */
export function withTraceparent<T>(traceparent: string | undefined, work: () => T): T {
  if (!traceparent || !tracingEnabled()) return work();
  return context.with(contextOfTraceparent(traceparent), work);
}

/** `trace_id` and `span_id` of the span in force, for log lines (nothing while tracing is off). */
export function traceLogFields(): { trace_id: string; span_id: string } | undefined {
  if (!tracingEnabled()) return undefined;
  const span = trace.getSpan(context.active());
  if (!span) return undefined;
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}

/** Runs `work` with no span in force (work for many traces at once belongs to none of them). */
export function withoutActiveSpan<T>(work: () => T): T {
  if (!tracingEnabled()) return work();
  return context.with(ROOT_CONTEXT, work);
}
