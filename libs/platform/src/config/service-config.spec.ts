import { kafkaClientConfig } from '@wo/messaging';
import { kafkaSettingsFrom } from './kafka-connection';
import { InvalidConfiguration, loadServiceConfig } from './service-config';

const env = {
  PORT: '3001',
  DATABASE_URL: 'postgresql://inventory@postgres:5432/wo_inventory',
  KAFKA_BROKERS: 'kafka-0:9092,kafka-1:9092',
  OIDC_ISSUER_URL: 'https://login.example.com/realms/warehouse',
  OIDC_AUDIENCE: 'urn:work-orders:api',
};

describe('service configuration: Kafka topics and migrations', () => {
  it('defaults to what one local broker and `npm start` need', () => {
    const config = loadServiceConfig('inventory', env);
    expect(config.KAFKA_REPLICATION_FACTOR).toBe(1);
    expect(config.KAFKA_MIN_INSYNC_REPLICAS).toBeUndefined();
    expect(config.KAFKA_CREATE_TOPICS).toBe(true);
    expect(config.MIGRATE_ON_START).toBe(true);
  });

  it('reads a production cluster: three replicas, two in sync, topics and migrations managed by the platform', () => {
    const config = loadServiceConfig('inventory', {
      ...env,
      KAFKA_REPLICATION_FACTOR: '3',
      KAFKA_MIN_INSYNC_REPLICAS: '2',
      KAFKA_CREATE_TOPICS: 'false',
      MIGRATE_ON_START: 'false',
    });
    expect(config).toMatchObject({ KAFKA_REPLICATION_FACTOR: 3, KAFKA_MIN_INSYNC_REPLICAS: 2, KAFKA_CREATE_TOPICS: false, MIGRATE_ON_START: false });
  });

  it('treats an empty KAFKA_MIN_INSYNC_REPLICAS as unset (the broker default)', () => {
    expect(loadServiceConfig('inventory', { ...env, KAFKA_MIN_INSYNC_REPLICAS: '' }).KAFKA_MIN_INSYNC_REPLICAS).toBeUndefined();
  });

  it('refuses min.insync.replicas above the replication factor, naming the variables', () => {
    expect(() => loadServiceConfig('inventory', { ...env, KAFKA_REPLICATION_FACTOR: '1', KAFKA_MIN_INSYNC_REPLICAS: '2' })).toThrow(
      /KAFKA_MIN_INSYNC_REPLICAS: KAFKA_MIN_INSYNC_REPLICAS \(2\) must not exceed KAFKA_REPLICATION_FACTOR \(1\)/,
    );
  });

  it.each([
    ['KAFKA_REPLICATION_FACTOR', '0'],
    ['KAFKA_REPLICATION_FACTOR', 'three'],
    ['KAFKA_MIN_INSYNC_REPLICAS', '-1'],
    ['KAFKA_CREATE_TOPICS', 'no'],
    ['MIGRATE_ON_START', 'yes'],
  ])('stops on %s=%s with a message naming the variable and the value', (name, value) => {
    let error: unknown;
    try {
      loadServiceConfig('inventory', { ...env, [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidConfiguration);
    expect((error as Error).message).toContain(`${name}:`);
    expect((error as Error).message).toContain(JSON.stringify(value));
  });
});

describe('service configuration: a secured Kafka connection', () => {
  const sasl = { KAFKA_SECURITY_PROTOCOL: 'SASL_SSL', KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512', KAFKA_SASL_USERNAME: 'work-orders' };
  const files: Record<string, string> = { '/etc/kafka/ca.crt': 'CA PEM', '/etc/kafka/password': 'from-the-secret\n' };
  const readFile = (path: string) => {
    if (!(path in files)) throw new Error(`ENOENT: no such file, open '${path}'`);
    return files[path]!;
  };

  it('is plain by default: no TLS, no SASL', () => {
    const settings = kafkaSettingsFrom(loadServiceConfig('inventory', env), 'inventory', readFile);
    expect(settings.security).toEqual({ protocol: 'PLAINTEXT' });
    expect(kafkaClientConfig(settings)).not.toHaveProperty('ssl');
    expect(kafkaClientConfig(settings)).not.toHaveProperty('sasl');
  });

  it('reads SASL_SSL with SCRAM: the CA and the password from their files, as a Strimzi KafkaUser secret mounts them', () => {
    const config = loadServiceConfig('inventory', { ...env, ...sasl, KAFKA_SASL_PASSWORD_FILE: '/etc/kafka/password', KAFKA_SSL_CA_FILE: '/etc/kafka/ca.crt' });
    const client = kafkaClientConfig(kafkaSettingsFrom(config, 'inventory', readFile));
    expect(client.ssl).toMatchObject({ ca: ['CA PEM'], rejectUnauthorized: true });
    expect(client.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'work-orders', password: 'from-the-secret' });
  });

  it('takes the password from KAFKA_SASL_PASSWORD, and TLS with the system CAs when no CA file is given', () => {
    const config = loadServiceConfig('inventory', { ...env, ...sasl, KAFKA_SASL_PASSWORD: 'inline' });
    const client = kafkaClientConfig(kafkaSettingsFrom(config, 'inventory', readFile));
    expect(client.ssl).toEqual({ rejectUnauthorized: true });
    expect(client.sasl).toMatchObject({ password: 'inline' });
  });

  it('stops when a file cannot be read, naming the variable and the path', () => {
    const config = loadServiceConfig('inventory', { ...env, ...sasl, KAFKA_SASL_PASSWORD: 'x', KAFKA_SSL_CA_FILE: '/etc/kafka/missing.crt' });
    expect(() => kafkaSettingsFrom(config, 'inventory', readFile)).toThrow(/KAFKA_SSL_CA_FILE: cannot read \/etc\/kafka\/missing.crt/);
  });

  it.each([
    [
      { KAFKA_SECURITY_PROTOCOL: 'SASL_SSL' },
      /KAFKA_SASL_MECHANISM: SASL_SSL needs a mechanism[\s\S]*KAFKA_SASL_USERNAME: SASL_SSL needs a user name[\s\S]*KAFKA_SASL_PASSWORD: SASL_SSL needs/,
    ],
    [{ KAFKA_SECURITY_PROTOCOL: 'TLS' }, /KAFKA_SECURITY_PROTOCOL: /],
    [{ ...sasl, KAFKA_SASL_MECHANISM: 'GSSAPI', KAFKA_SASL_PASSWORD: 'x' }, /KAFKA_SASL_MECHANISM: /],
    [{ KAFKA_SSL_CA_FILE: '/etc/kafka/ca.crt' }, /KAFKA_SSL_CA_FILE: set, but KAFKA_SECURITY_PROTOCOL=PLAINTEXT does not use TLS/],
    [{ KAFKA_SECURITY_PROTOCOL: 'SSL', KAFKA_SSL_CERT_FILE: '/etc/kafka/tls.crt' }, /KAFKA_SSL_KEY_FILE: a client certificate and its key go together/],
  ])('refuses %j, naming the variable at fault', (settings, message) => {
    expect(() => loadServiceConfig('inventory', { ...env, ...settings })).toThrow(message);
  });

  it('never prints the password, even when it is the setting at fault', () => {
    let message = '';
    try {
      loadServiceConfig('inventory', { ...env, KAFKA_SASL_PASSWORD: 'hunter2' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/KAFKA_SASL_PASSWORD: set, but KAFKA_SECURITY_PROTOCOL=PLAINTEXT does not use SASL .* \(got <set>\)/);
    expect(message).not.toContain('hunter2');
  });
});
