import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryResult } from 'pg';
import type { SqlExecutor } from './sql-executor';

/**
 * Transactions straight on the pg pool, for the hot paths written in SQL: the same `$transaction`
 * and raw-query shape as a Prisma client (so code that takes a `SqlExecutor` runs under either).
 *
 * Values travel as bound parameters of named statements (the extended protocol: Parse once per
 * connection, then Bind and Execute), never inside the SQL text.
 *
 * What a statement costs here is mostly the round trip to Postgres (a socket write and a wake-up
 * on each side), so a transaction waits as rarely as its reads allow. The pool's connections run
 * in pg's pipeline mode: statements are written without waiting for the answers before them.
 * Writes, whose results nobody reads, wait and go out with the next read or with the COMMIT, in
 * order, in one socket write; BEGIN goes out with the first of them. A transaction of reads r1, r2
 * and writes w1..w4 in between costs three round trips (BEGIN+r1, w1+w2+r2, w3+w4+COMMIT) instead
 * of eight.
 *
 * The one difference a caller sees: a failing write fails the next read or the commit, not its
 * own call (the transaction rolls back as a whole either way), and writes answer no row count.
 */
export class SqlDatabase {
  constructor(private readonly pool: Pool) {}

  async $transaction<R>(work: (tx: SqlExecutor) => Promise<R>): Promise<R> {
    const client = await this.pool.connect();
    if (!client.pipeline) {
      client.release();
      throw new Error('SqlDatabase needs a pool in pipeline mode: make it with createDatabasePool');
    }
    const tx = new PipelinedTransaction(client);
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
  /** Statements not sent yet, BEGIN first; one whose answer is awaited carries its settlement. */
  private pending: PendingStatement[] = [{ text: 'BEGIN' }];
  private begun = false;
  private flushScheduled = false;
  /**
   * The first failure of any statement. The transaction can no longer commit: Postgres answers a
   * COMMIT in a failed transaction with a quiet ROLLBACK, so a caller that caught a failed read and
   * went on would otherwise see its earlier writes "committed" and lost.
   */
  private failure: unknown;

  constructor(private readonly client: PoolClient) {}

  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<void> {
    this.pending.push({ text: query, values });
    return Promise.resolve();
  }

  /** Reads issued together (Promise.all) share one socket write: it goes out once the caller yields. */
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> {
    const read = new Promise<QueryResult>((resolve, reject) => this.pending.push({ text: query, values, answer: { resolve, reject } }));
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(() => {
        this.flushScheduled = false;
        this.send();
      });
    }
    return read.then((result) => result.rows as T);
  }

  async commit(): Promise<void> {
    this.refuseIfFailed();
    // Nothing was sent or written: there is no transaction to end.
    if (!this.begun && this.pending.length === 1) return;
    const committed = new Promise<QueryResult>((resolve, reject) => this.pending.push({ text: 'COMMIT', answer: { resolve, reject } }));
    this.send();
    await committed;
  }

  async rollback(): Promise<void> {
    this.pending = [];
    if (this.begun) await this.client.query('ROLLBACK');
  }

  private refuseIfFailed(): void {
    if (this.failure !== undefined) throw new Error('the transaction cannot commit: one of its statements failed', { cause: this.failure });
  }

  /**
   * Writes what is pending in one go (the socket is corked meanwhile); pg keeps track of which
   * statements each connection has parsed, also across failures.
   */
  private send(): void {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    // From here on the transaction is open on the server (or failed): rollback must end it.
    this.begun = true;
    const socket = this.client.connection.stream;
    socket.cork();
    try {
      for (const statement of batch) {
        const query =
          statement.values === undefined ? { text: statement.text } : { name: statementName(statement.text), text: statement.text, values: statement.values };
        this.client.query(query, (error: Error | null, result: QueryResult) => this.settle(statement, error, result));
      }
    } finally {
      socket.uncork();
    }
  }

  /**
   * Answers come in the order the statements went out. After the first failure Postgres refuses
   * the rest of the transaction ("current transaction is aborted"), and answers COMMIT with a
   * ROLLBACK: every statement awaited from then on, COMMIT included, fails with that first failure.
   */
  private settle(statement: PendingStatement, error: Error | null, result: QueryResult): void {
    if (error) this.failure ??= error;
    if (this.failure !== undefined) statement.answer?.reject(this.failure);
    else statement.answer?.resolve(result);
  }
}

interface PendingStatement {
  readonly text: string;
  /** Bound parameters; none for BEGIN and COMMIT, which go as simple queries. */
  readonly values?: unknown[];
  readonly answer?: { resolve(result: QueryResult): void; reject(error: unknown): void };
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
