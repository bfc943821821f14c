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
