import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './system-plan';

const run = promisify(execFile);

/** Starts the repository's own single-node Kafka (scripts/kafka.sh), if it is not running yet. */
export async function startLocalKafka(port: number): Promise<void> {
  await run('bash', [resolve(REPO_ROOT, 'scripts/kafka.sh'), 'start'], { env: { ...process.env, KAFKA_PORT: String(port) }, maxBuffer: 10_000_000 });
}

export async function restartLocalKafka(port: number): Promise<void> {
  await run('bash', [resolve(REPO_ROOT, 'scripts/kafka.sh'), 'restart'], { env: { ...process.env, KAFKA_PORT: String(port) }, maxBuffer: 10_000_000 });
}

export async function stopLocalKafka(port: number): Promise<void> {
  await run('bash', [resolve(REPO_ROOT, 'scripts/kafka.sh'), 'stop'], { env: { ...process.env, KAFKA_PORT: String(port) } });
}

export async function localKafkaRunning(port: number): Promise<boolean> {
  try {
    await run('bash', [resolve(REPO_ROOT, 'scripts/kafka.sh'), 'status'], { env: { ...process.env, KAFKA_PORT: String(port) } });
    return true;
  } catch {
    // status exits non-zero when the broker is not running: that is the answer, not a failure.
    return false;
  }
}
