import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

let provider: NodeTracerProvider | null = null;

/**
 * Whether this process records spans: only once `startTracing` found an OTLP endpoint. Every
 * tracing helper checks it first, so a process without one pays a boolean test and nothing else.
 */
export function tracingEnabled(): boolean {
  return provider !== null;
}

/** Whether the standard OTel environment asks for traces: an OTLP endpoint, and the SDK not disabled. */
export function tracingRequested(env: NodeJS.ProcessEnv): boolean {
  if (env['OTEL_SDK_DISABLED']?.trim().toLowerCase() === 'true') return false;
  return Boolean(env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']?.trim() || env['OTEL_EXPORTER_OTLP_ENDPOINT']?.trim());
}

/**
 * Starts the OpenTelemetry SDK when `OTEL_EXPORTER_OTLP_ENDPOINT` (or `..._TRACES_ENDPOINT`) is
 * set: spans batched (`OTEL_BSP_*`) and exported as OTLP/HTTP JSON, `service.name` this service
 * unless `OTEL_SERVICE_NAME` says otherwise, W3C trace context as the propagator. Without it no SDK
 * starts. `processor` replaces the exporter (tests).
 */
export function startTracing(service: string, env: NodeJS.ProcessEnv = process.env, processor?: SpanProcessor): boolean {
  if (provider) return true;
  if (!processor && !tracingRequested(env)) return false;
  provider = new NodeTracerProvider({
    resource: defaultResource()
      .merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: service }))
      .merge(detectResources({ detectors: [envDetector] })),
    spanProcessors: [processor ?? new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  return true;
}

/** The start-up line that says where spans go. */
export function tracingStartedLine(env: NodeJS.ProcessEnv = process.env): string {
  return `tracing on: spans exported to ${env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] ?? `${env['OTEL_EXPORTER_OTLP_ENDPOINT']} (/v1/traces)`}`;
}

/** Exports the spans still buffered and stops the SDK (at shutdown; nothing when tracing is off). */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  provider = null;
  await stopping?.shutdown();
  trace.disable();
  propagation.disable();
  context.disable();
}

/** The platform's tracer (a no-op one while tracing is off). */
export function tracer(): Tracer {
  return trace.getTracer('work-orders-platform');
}
