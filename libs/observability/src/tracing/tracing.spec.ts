import { context, SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { Writable } from 'node:stream';
import { createLogger } from '../logging/logger';
import { withLogContext } from '../logging/log-context';
import { activeTraceparent, contextOfTraceparent, endSpan, startSpan, traceLogFields, traceparentOf, withTraceparent } from './spans';
import { startTracing, stopTracing, tracingEnabled, tracingRequested } from './tracing-sdk';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger('inventory', { format: 'json', level: 'info' }, stream) };
}

describe('tracing switched on by the standard OTel environment', () => {
  it('starts only with an OTLP endpoint, and not when the SDK is disabled', () => {
    expect(tracingRequested({})).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false);
  });

  it('off: no SDK, no context, no ids on log lines, and spans are not even made', async () => {
    expect(startTracing('inventory', {})).toBe(false);
    expect(tracingEnabled()).toBe(false);
    const { lines, logger } = capture();
    const span = startSpan('work', { kind: SpanKind.INTERNAL });
    expect(span.isRecording()).toBe(false);
    expect(traceparentOf(trace.setSpan(context.active(), span))).toBeUndefined();
    withTraceparent('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', () => logger.info('inside'));
    expect(activeTraceparent()).toBeUndefined();
    expect(lines[0]).not.toHaveProperty('trace_id');
  });
});

describe('spans and log lines while tracing is on', () => {
  const exporter = new InMemorySpanExporter();
  beforeAll(() => startTracing('inventory', {}, new SimpleSpanProcessor(exporter)));
  afterAll(() => stopTracing());
  beforeEach(() => exporter.reset());

  it("continue the trace of a W3C traceparent, and give the span's own to what it sends", () => {
    const parent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const started = startSpan('process inventory.ReserveStock', { kind: SpanKind.CONSUMER, parent: contextOfTraceparent(parent) });
    const sent = context.with(trace.setSpan(context.active(), started), () => activeTraceparent());
    endSpan(started);
    const [span] = exporter.getFinishedSpans();
    expect(span).toMatchObject({ name: 'process inventory.ReserveStock', kind: SpanKind.CONSUMER, parentSpanContext: { spanId: 'b7ad6b7169203331' } });
    expect(span!.spanContext().traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(sent).toBe(`00-0af7651916cd43dd8448eb211c80319c-${span!.spanContext().spanId}-01`);
  });

  it('put trace_id and span_id of the span in force on every line, beside the log context', async () => {
    const { lines, logger } = capture();
    const started = startSpan('work', { kind: SpanKind.INTERNAL });
    withTraceparent(traceparentOf(trace.setSpan(context.active(), started)), () => withLogContext({ messageId: 'm-1' }, () => logger.info('inside')));
    endSpan(started);
    logger.info('outside');
    const [span] = exporter.getFinishedSpans();
    expect(lines[0]).toMatchObject({ trace_id: span!.spanContext().traceId, span_id: span!.spanContext().spanId, messageId: 'm-1' });
    expect(lines[1]).not.toHaveProperty('trace_id');
  });

  it('record a failure as the span status', () => {
    endSpan(startSpan('work', { kind: SpanKind.INTERNAL }), new Error('boom'));
    expect(exporter.getFinishedSpans()[0]).toMatchObject({ status: { code: 2, message: 'boom' } });
  });

  it("run one message's part of a batch in that message's span", () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    withTraceparent(traceparent, () => expect(traceLogFields()).toEqual({ trace_id: '0af7651916cd43dd8448eb211c80319c', span_id: 'b7ad6b7169203331' }));
    expect(trace.getActiveSpan()).toBeUndefined();
  });
});
