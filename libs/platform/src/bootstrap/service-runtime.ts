import type { KafkaSettings, OutboxRelay, SelfHealingProducer } from '@wo/messaging';
import type { Admin, Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import type { ServiceConfig } from '../config/service-config';

/** The live connections a service runs on, made once at start-up and closed once at shutdown. */
export interface ServiceRuntime {
  readonly name: string;
  readonly config: ServiceConfig;
  readonly pool: Pool;
  readonly kafka: Kafka;
  readonly kafkaSettings: KafkaSettings;
  readonly producer: SelfHealingProducer;
  readonly admin: Admin;
  readonly relay: OutboxRelay;
  /**
   * Dependencies the service keeps serving without for a while (work-orders' Redis: only the saga
   * deadline sweep waits for it). Readiness reports each one that fails but stays 200, so an outage
   * is visible without every replica leaving the Service at once.
   */
  readonly degradableDependencies: Map<string, () => Promise<unknown>>;
  /** Counters of the Kafka consumer, once it runs (null for a service that consumes nothing). */
  consumer: { readonly processed: number; readonly deadLettered: number; readonly restarts: number } | null;
}

export const SERVICE_RUNTIME = Symbol('SERVICE_RUNTIME');
