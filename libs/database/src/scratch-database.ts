import { applyMigrations } from './apply-migrations';
import { ensureDatabase } from './ensure-database';
import type { Writable } from 'node:stream';
import { Client, type Pool, type PoolClient } from 'pg';

/**
 * For integration tests. A database of the test's own, dropped if a run before left it and made again with a service's
 * migrations applied: what an integration test of one service's SQL starts from. Answers its URL.
 */
export async function freshMigratedDatabase(postgresUrl: string, name: string, migrationsDir: string): Promise<string> {
  const admin = new Client({ connectionString: `${postgresUrl}/postgres` });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const url = `${postgresUrl}/${name}`;
  await ensureDatabase(url);
  await applyMigrations(url, migrationsDir);
  return url;
}

/**
 * Calls `onWrite` for each write to the socket of every connection the pool opens from now on:
 * each is a round trip to Postgres (SqlDatabase pipelines BEGIN with the first reads and the
 * writes with the next read or the COMMIT), which is what the hot-path tests count.
 */
export function countSocketWrites(pool: Pool, onWrite: () => void): void {
  pool.on('connect', (client: PoolClient) => {
    const socket = (client as unknown as { connection: { stream: Writable } }).connection.stream;
    const { _write: write, _writev: writev } = socket;
    socket._write = (chunk, encoding, callback) => (onWrite(), write.call(socket, chunk, encoding, callback));
    if (writev) socket._writev = (chunks, callback) => (onWrite(), writev.call(socket, chunks, callback));
  });
}
