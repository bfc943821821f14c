import type { KafkaSecurity, KafkaSettings } from '@wo/messaging';
import { readFileSync } from 'node:fs';
import { InvalidConfiguration, type ServiceConfig } from './service-config';

/**
 * How a service reaches Kafka, from its validated configuration: the brokers, the topic policy and
 * the connection's security (TLS, SASL), the secrets and certificates read from their files now, so
 * a missing or unreadable file stops the service at start-up naming the variable.
 */
export function kafkaSettingsFrom(
  config: ServiceConfig,
  clientId: string,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): KafkaSettings {
  return {
    brokers: config.KAFKA_BROKERS,
    clientId,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    partitions: config.KAFKA_PARTITIONS,
    replicationFactor: config.KAFKA_REPLICATION_FACTOR,
    minInsyncReplicas: config.KAFKA_MIN_INSYNC_REPLICAS,
    createTopics: config.KAFKA_CREATE_TOPICS,
    security: kafkaSecurityFrom(config, clientId, readFile),
  };
}

function kafkaSecurityFrom(config: ServiceConfig, clientId: string, readFile: (path: string) => string): KafkaSecurity {
  const file = (variable: keyof ServiceConfig): string | undefined => {
    const path = config[variable];
    if (typeof path !== 'string') return undefined;
    try {
      return readFile(path);
    } catch (error) {
      throw new InvalidConfiguration(`${clientId}: invalid configuration\n  ${variable}: cannot read ${path} (${(error as Error).message})`);
    }
  };
  const protocol = config.KAFKA_SECURITY_PROTOCOL;
  const tls = protocol === 'SSL' || protocol === 'SASL_SSL';
  const sasl = protocol === 'SASL_PLAINTEXT' || protocol === 'SASL_SSL';
  const ca = file('KAFKA_SSL_CA_FILE');
  const cert = file('KAFKA_SSL_CERT_FILE');
  const key = file('KAFKA_SSL_KEY_FILE');
  // A password file (a mounted Secret) wins over the variable; trailing newlines are not part of it.
  const password = file('KAFKA_SASL_PASSWORD_FILE')?.replace(/\r?\n$/, '') ?? config.KAFKA_SASL_PASSWORD;
  return {
    protocol,
    ...(tls && { tls: { ...(ca && { ca: [ca] }), ...(cert && { cert }), ...(key && { key }) } }),
    ...(sasl && { sasl: { mechanism: config.KAFKA_SASL_MECHANISM!, username: config.KAFKA_SASL_USERNAME!, password: password! } }),
  };
}
