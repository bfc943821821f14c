/**
 * The SqlDatabase as it was before bound parameters (commit bfe8604), kept ONLY so that
 * bench/sql-database-bench.ts can compare it with today's, A against B on the same machine. Nothing
 * else may use it: it writes values into the SQL text as escaped literals.
 */
import type { SqlExecutor } from '@wo/database';
import { createHash } from 'node:crypto';
import * as pg from 'pg';
import type { Pool, PoolClient, QueryResult } from 'pg';

/** pg's own text form of a parameter value (exported by pg, missing from its type definitions). */
const { prepareValue } = (pg as unknown as { utils: { prepareValue(value: unknown): string | Buffer | null } }).utils;

/**
 * Statements prepared once per connection with SQL PREPARE, run as EXECUTE with the values as
 * literals; writes wait and go out with the next read or the COMMIT in one simple-query message.
 */
export class LiteralSqlDatabase {
  constructor(private readonly pool: Pool) {}

  async $transaction<R>(work: (tx: SqlExecutor) => Promise<R>): Promise<R> {
    const client = await this.pool.connect();
    const tx = new PipelinedTransaction(client, preparedOn(client));
    let broken: Error | undefined;
    try {
      const result = await work(tx);
      await tx.commit();
      return result;
    } catch (error) {
      // A connection that cannot even roll back is not given back to the pool.
      await tx.rollback().catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken);
    }
  }
}

class PipelinedTransaction implements SqlExecutor {
  /** Statements not sent yet, BEGIN first; a read carries the promise its result settles. */
  private pending: PendingStatement[] = [{ sql: 'BEGIN' }];
  private begun = false;
  private flushScheduled = false;
  /** Statements whose PREPARE is pending or in flight: known on the connection once it succeeds. */
  private readonly preparing = new Set<string>();
  /**
   * The first failure of a message. Which of its PREPAREs ran is then unknown (the connection's
   * list is re-read on rollback), and the transaction can no longer commit: Postgres answers a
   * COMMIT in a failed transaction with a quiet ROLLBACK, so a caller that caught a failed read and
   * went on would otherwise see its earlier writes "committed" and lost.
   */
  private failure: unknown;

  constructor(
    private readonly client: PoolClient,
    private readonly prepared: Set<string>,
  ) {}

  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<void> {
    this.add(query, values);
    return Promise.resolve();
  }

  /** Reads issued together (Promise.all) share one message: it goes out once the caller yields. */
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> {
    const read = this.add(query, values, true)!;
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(() => {
        this.flushScheduled = false;
        void this.send().catch(() => undefined); // the reads of the message get the error
      });
    }
    return read as Promise<T>;
  }

  async commit(): Promise<void> {
    if (this.failure !== undefined) throw new Error('the transaction cannot commit: one of its statements failed', { cause: this.failure });
    // Nothing was sent or written: there is no transaction to end.
    if (!this.begun && this.pending.length === 1) return;
    this.pending.push({ sql: 'COMMIT' });
    await this.send();
  }

  async rollback(): Promise<void> {
    this.pending = [];
    if (this.begun) await this.client.query('ROLLBACK');
    if (this.failure !== undefined) await refreshPrepared(this.client, this.prepared);
  }

  private add(text: string, values: readonly unknown[], isRead = false): Promise<unknown> | undefined {
    const name = statementName(text);
    if (!this.prepared.has(name) && !this.preparing.has(name)) {
      // A trailing semicolon would make an empty statement, and shift the results by one.
      this.pending.push({ sql: `PREPARE ${name} AS ${text.trimEnd().replace(/;+$/, '')}`, prepares: name });
      this.preparing.add(name);
    }
    const sql = values.length === 0 ? `EXECUTE ${name}` : `EXECUTE ${name}(${values.map(literal).join(', ')})`;
    if (!isRead) {
      this.pending.push({ sql });
      return undefined;
    }
    return new Promise((resolve, reject) => this.pending.push({ sql, read: { resolve, reject } }));
  }

  /** Sends what is pending as one message; each read in it gets the rows of its own statement. */
  private async send(): Promise<void> {
    const message = this.pending;
    if (message.length === 0) return;
    this.pending = [];
    // From here on the transaction is open on the server (or failed): rollback must end it.
    this.begun = true;
    try {
      // A newline before each separator, so a statement ending in a -- comment cannot swallow it.
      const answer = (await this.client.query(message.map((statement) => statement.sql).join('\n;\n'))) as QueryResult | QueryResult[];
      const results = Array.isArray(answer) ? answer : [answer];
      for (const { prepares } of message) if (prepares) this.prepared.add(prepares);
      message.forEach((statement, index) => statement.read?.resolve(results[index]!.rows));
    } catch (error) {
      this.failure ??= error;
      for (const statement of message) statement.read?.reject(error);
      throw error;
    }
  }
}

interface PendingStatement {
  readonly sql: string;
  readonly prepares?: string;
  readonly read?: { resolve(rows: unknown): void; reject(error: unknown): void };
}

/** A value as a SQL literal: pg's text form of it (arrays, dates, JSON alike), escaped; NULL for none. */
function literal(value: unknown): string {
  const text = prepareValue(value);
  if (Buffer.isBuffer(text)) throw new Error('binary values are not supported by SqlDatabase');
  return text === null || text === undefined ? 'NULL' : pg.escapeLiteral(text);
}

/** The names of the statements prepared on each connection of the pool. */
const preparedByConnection = new WeakMap<PoolClient, Set<string>>();

function preparedOn(client: PoolClient): Set<string> {
  let prepared = preparedByConnection.get(client);
  if (!prepared) {
    prepared = new Set();
    preparedByConnection.set(client, prepared);
  }
  return prepared;
}

async function refreshPrepared(client: PoolClient, prepared: Set<string>): Promise<void> {
  const { rows } = await client.query<{ name: string }>('SELECT name FROM pg_prepared_statements');
  prepared.clear();
  for (const { name } of rows) prepared.add(name);
}

/** The SQL text is fixed in code (values are separate), so the set of names stays small. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `wo_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    statementNames.set(text, name);
  }
  return name;
}

const statementNames = new Map<string, string>();
