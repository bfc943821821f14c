import { ReserveStock, reservationKey, StockReservationRejected } from '@wo/contracts/inventory';
import { DEV_AUDIENCE } from '@wo/dev-system';
import { ensureTopics, kafkaClientConfig, SelfHealingProducer } from '@wo/messaging';
import { kafkaSettingsFrom, loadServiceConfig } from '@wo/platform';
import { Logger } from '@nestjs/common';
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';

/**
 * A secured Kafka, as platform teams run it (Strimzi, MSK, Confluent): a broker of the test's own
 * with a SASL_SSL listener (SCRAM users, a server certificate the test signs itself), and the
 * services' own connection code (KAFKA_SECURITY_PROTOCOL and friends → kafkajs) against it: topics
 * created, a message there and back, wrong credentials and an untrusted certificate refused, and a
 * compiled service that starts, becomes ready and answers a command over that listener alone.
 */
const root = resolve(__dirname, '../..');
const ports = { plain: 9592, controller: 9593, sasl: 9594 };
const user = { name: 'work-orders-int', password: `secret-${randomUUID()}` };
const workDir = mkdtempSync(join(tmpdir(), 'kafka-security-'));
const tlsDir = join(workDir, 'tls');
const brokerEnv = {
  ...process.env,
  KAFKA_STATE_DIR: join(workDir, 'broker'),
  KAFKA_PORT: String(ports.plain),
  KAFKA_CONTROLLER_PORT: String(ports.controller),
  KAFKA_SASL_PORT: String(ports.sasl),
  KAFKA_SCRAM_USERS: `${user.name}:${user.password}`,
  KAFKA_TLS_DIR: tlsDir,
  KAFKA_HEAP_OPTS: '-Xms128m -Xmx384m',
};
const kafkaScript = join(root, 'scripts/kafka.sh');
const topicPrefix = `kafka-sec-${Date.now()}.`;
const postgres = process.env['POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';
const database = 'wo_kafka_security_inventory';

/** What a service is given to reach the secured listener, exactly as in its Deployment. */
function securedEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: '1',
    DATABASE_URL: `${postgres}/${database}`,
    KAFKA_BROKERS: `127.0.0.1:${ports.sasl}`,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    KAFKA_PARTITIONS: '1',
    KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
    KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
    KAFKA_SASL_USERNAME: user.name,
    KAFKA_SASL_PASSWORD_FILE: join(workDir, 'password'),
    KAFKA_SSL_CA_FILE: join(tlsDir, 'ca.crt'),
    OIDC_ISSUER_URL: 'http://localhost:1',
    OIDC_AUDIENCE: DEV_AUDIENCE,
    ...overrides,
  };
}

function clientConfig(overrides: Record<string, string> = {}): KafkaConfig {
  const config = kafkaClientConfig(kafkaSettingsFrom(loadServiceConfig('kafka-security-int', securedEnv(overrides)), 'kafka-security-int'));
  return { ...config, logLevel: logLevel.NOTHING, retry: { retries: 1, initialRetryTime: 100 } };
}

beforeAll(async () => {
  // A CA of the test's own and a server certificate it signs, for 127.0.0.1 and localhost.
  execFileSync('mkdir', ['-p', tlsDir]);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: tlsDir, stdio: 'pipe' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=kafka-security-int CA', '-keyout', 'ca.key', '-out', 'ca.crt');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-keyout', 'server.key', '-out', 'server.csr');
  writeFileSync(join(tlsDir, 'san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  openssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'san.ext',
    '-out',
    'server.crt',
  );
  writeFileSync(join(tlsDir, 'server.pem'), readFileSync(join(tlsDir, 'server.key'), 'utf8') + readFileSync(join(tlsDir, 'server.crt'), 'utf8'));
  // As a mounted Secret holds it: with a trailing newline.
  writeFileSync(join(workDir, 'password'), `${user.password}\n`);
  execFileSync('bash', [kafkaScript, 'start'], { env: brokerEnv, stdio: 'pipe' });
  const admin = new Client({ connectionString: `${postgres}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
}, 180_000);

afterAll(() => {
  execFileSync('bash', [kafkaScript, 'stop'], { env: brokerEnv, stdio: 'pipe' });
  rmSync(workDir, { recursive: true, force: true });
}, 60_000);

describe('a service on a secured Kafka (SASL_SSL with SCRAM)', () => {
  it('creates its topics and sends and receives over the secured listener with the settings a Deployment gives', async () => {
    const settings = kafkaSettingsFrom(loadServiceConfig('kafka-security-int', securedEnv()), 'kafka-security-int');
    const kafka = new Kafka(clientConfig());
    await ensureTopics(kafka, settings, ['security.check']);
    const topic = `${topicPrefix}security.check`;
    const producer = new SelfHealingProducer(kafka, new Logger('kafka-security-int'));
    await producer.connect();
    const consumer = kafka.consumer({ groupId: `${topicPrefix}check` });
    try {
      // Sent first, read from the beginning: no race with the consumer's joining its group.
      await producer.send({ topic, messages: [{ key: 'k', value: 'over SASL_SSL' }] });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const received = new Promise<string>((resolveReceived) => {
        void consumer.run({ eachMessage: async ({ message }) => resolveReceived(message.value!.toString()) });
      });
      await expect(received).resolves.toBe('over SASL_SSL');
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
    }
  });

  it('is refused with a wrong password, and names the failure', async () => {
    writeFileSync(join(workDir, 'wrong-password'), 'not-the-password');
    const admin = new Kafka(clientConfig({ KAFKA_SASL_PASSWORD_FILE: join(workDir, 'wrong-password') })).admin();
    await expect(admin.connect()).rejects.toThrow(/SASL SCRAM SHA512 authentication failed/);
    await admin.disconnect();
  });

  it('does not trust a broker certificate its CA did not sign (no CA file: the system CAs)', async () => {
    const admin = new Kafka(clientConfig({ KAFKA_SSL_CA_FILE: '' })).admin();
    await expect(admin.connect()).rejects.toThrow(/self-signed certificate|unable to verify|certificate/i);
    await admin.disconnect();
  });

  it('a compiled service starts on that listener alone, becomes ready, and answers a command through it', async () => {
    const entry = join(root, 'dist/apps/inventory/src/main.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`bash scripts/build.sh\` first`);
    const port = 3860 + Math.floor(Math.random() * 20);
    const output: string[] = [];
    const child = spawn(process.execPath, [entry], {
      env: { PATH: process.env['PATH'], ...securedEnv({ PORT: String(port) }), REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const exited = new Promise<void>((resolveExit) => child.once('close', () => resolveExit()));
    const kafka = new Kafka(clientConfig());
    const consumer = kafka.consumer({ groupId: `${topicPrefix}replies` });
    try {
      const deadline = Date.now() + 90_000;
      let ready = false;
      while (!ready && Date.now() < deadline && child.exitCode === null) {
        ready = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(2_000) }).then(
          (response) => response.ok,
          () => false,
        );
        if (!ready) await new Promise((resolveWait) => setTimeout(resolveWait, 300));
      }
      if (!ready) throw new Error(`inventory did not become ready on the secured listener:\n${output.join('')}`);
      // A reservation for a warehouse inventory has never heard of: it answers, over SASL_SSL, that nothing is available.
      const reservationId = randomUUID();
      const warehouseId = randomUUID();
      const workOrderId = randomUUID();
      const command = ReserveStock.outgoing(
        { workOrderId, warehouseId, merchantId: randomUUID(), lines: [{ reservationId, lineId: randomUUID(), sku: 'SECURE-1', quantity: 1 }] },
        { correlationId: randomUUID(), key: reservationKey(workOrderId) },
      );
      await consumer.connect();
      await consumer.subscribe({ topic: `${topicPrefix}${StockReservationRejected.topic}`, fromBeginning: true });
      const rejected = new Promise<{ type: string; payload: { lines: { reservationId: string }[] } }>((resolveReply) => {
        void consumer.run({
          eachMessage: async ({ message }) => {
            const reply = JSON.parse(message.value!.toString()) as { type: string; payload: { lines?: { reservationId: string }[] } };
            if (reply.payload.lines?.some((line) => line.reservationId === reservationId))
              resolveReply(reply as { type: string; payload: { lines: { reservationId: string }[] } });
          },
        });
      });
      const producer = kafka.producer();
      await producer.connect();
      await producer.send({ topic: `${topicPrefix}${command.topic}`, messages: [{ key: command.envelope.key, value: JSON.stringify(command.envelope) }] });
      await producer.disconnect();
      await expect(rejected).resolves.toMatchObject({ type: StockReservationRejected.type });
      expect(output.join('')).not.toContain(user.password);
    } finally {
      await consumer.disconnect();
      child.kill('SIGTERM');
      // An unref'd timer: once the service has stopped, nothing keeps Jest waiting.
      await Promise.race([exited, new Promise((resolveWait) => setTimeout(resolveWait, 30_000).unref())]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      child.stdout.destroy();
      child.stderr.destroy();
    }
  });
});
