import { Client, Pool } from 'pg';
import { createDatabasePool } from './database-pool';
import { ensureDatabase } from './ensure-database';
import { SqlDatabase } from './sql-database';

const postgres = process.env['POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';
const url = `${postgres}/wo_sql_database_check`;

/**
 * SqlDatabase sends writes later, with the next read or the commit, as named statements with bound
 * parameters over a pipelined connection: what reaches the table must be exactly what was given,
 * and a failure anywhere must leave nothing.
 */
describe('SqlDatabase (pipelined transactions on a real Postgres)', () => {
  let pool: Pool;
  let db: SqlDatabase;

  beforeAll(async () => {
    const target = new URL(url);
    target.pathname = '/postgres';
    const admin = new Client({ connectionString: target.toString() });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS wo_sql_database_check WITH (FORCE)');
    await admin.end();
    await ensureDatabase(url);
    // One connection, so every transaction reuses the statements the earlier ones prepared.
    pool = createDatabasePool(url, { max: 1 });
    await pool.query(`CREATE TABLE sample (id text PRIMARY KEY, label text, amount int, flag bool, tags text[], detail jsonb, at timestamptz)`);
    await pool.query(`CREATE TABLE typed (id text PRIMARY KEY, big int8, counts int[], flags bool[], stamps timestamptz[], detail jsonb, raw bytea)`);
    db = new SqlDatabase(pool);
  });

  afterAll(async () => {
    await pool.end();
  });

  const insert = `INSERT INTO sample (id, label, amount, flag, tags, detail, at) VALUES ($1, $2, $3, $4, $5::text[], $6::jsonb, $7::timestamptz)`;

  it('writes awkward values exactly as given, and a read sees the writes before it', async () => {
    const awkward = {
      label: `it's a "quote", a back\\slash, a ; semicolon, -- a comment, $1, unicode ✓ and a\nnewline`,
      tags: ['plain', 'with,comma', 'with "quotes"', '{braces}', 'back\\slash', '', 'NULL', null],
      detail: { note: 'O\'Brien \\ "x"', nested: [1, { deep: true }] },
      at: new Date('2026-11-27T12:34:56.789Z'),
    };
    const rows = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(insert, 'a', awkward.label, -7, true, awkward.tags, JSON.stringify(awkward.detail), awkward.at);
      await tx.$executeRawUnsafe(insert, 'b', null, null, null, null, null, null);
      return tx.$queryRawUnsafe<Record<string, unknown>[]>(
        'SELECT id, label, amount, flag, tags, detail, at FROM sample WHERE id = ANY($1::text[]) ORDER BY id',
        ['a', 'b'],
      );
    });
    expect(rows).toEqual([
      { id: 'a', label: awkward.label, amount: -7, flag: true, tags: awkward.tags, detail: awkward.detail, at: awkward.at },
      { id: 'b', label: null, amount: null, flag: null, tags: null, detail: null, at: null },
    ]);
    const committed = await pool.query('SELECT count(*)::int AS n FROM sample');
    expect(committed.rows[0].n).toBe(2);
  });

  it('reads issued together share a message and each gets its own rows, whatever the statement text ends with', async () => {
    const [labels, count, none] = await db.$transaction((tx) =>
      Promise.all([
        tx.$queryRawUnsafe<{ id: string }[]>('SELECT id FROM sample WHERE id = $1 -- a trailing comment', 'a'),
        tx.$queryRawUnsafe<{ n: number }[]>('SELECT count(*)::int AS n FROM sample;'),
        tx.$queryRawUnsafe<unknown[]>('SELECT id FROM sample WHERE false'),
      ]),
    );
    expect(labels).toEqual([{ id: 'a' }]);
    expect(count).toEqual([{ n: 2 }]);
    expect(none).toEqual([]);
  });

  it('a write that fails fails the commit, and the whole transaction is rolled back', async () => {
    const attempt = db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(insert, 'c', 'first', 1, false, [], '{}', new Date());
      await tx.$executeRawUnsafe(insert, 'a', 'duplicate id', 1, false, [], '{}', new Date());
      return 'done';
    });
    await expect(attempt).rejects.toMatchObject({ code: '23505' });
    const rows = await pool.query(`SELECT id FROM sample WHERE id = 'c'`);
    expect(rows.rows).toEqual([]);
  });

  it('a write that fails fails the next read', async () => {
    const reads: string[] = [];
    const attempt = db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(insert, 'a', 'duplicate id', 1, false, [], '{}', new Date());
      reads.push('before');
      await tx.$queryRawUnsafe('SELECT 1');
      reads.push('after');
    });
    await expect(attempt).rejects.toMatchObject({ code: '23505' });
    expect(reads).toEqual(['before']);
  });

  it('a failed read that the caller catches still fails the commit: the write before it is never reported as committed', async () => {
    const attempt = db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(insert, 'swallowed', 'written before the failing read', 1, false, [], '{}', new Date());
      // The write goes out with this read; the read fails, the caller shrugs and carries on.
      await tx.$queryRawUnsafe('SELECT no_such_column FROM sample').catch(() => undefined);
      return 'committed?';
    });
    await expect(attempt).rejects.toThrow('the transaction cannot commit: one of its statements failed');
    const rows = await pool.query(`SELECT id FROM sample WHERE id = 'swallowed'`);
    expect(rows.rows).toEqual([]);
    // The connection is usable afterwards.
    await expect(db.$transaction((tx) => tx.$queryRawUnsafe<{ one: number }[]>('SELECT 1 AS one'))).resolves.toEqual([{ one: 1 }]);
  });

  it('an error thrown by the caller rolls back what was already sent', async () => {
    const attempt = db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(insert, 'd', 'sent with the read', 1, false, [], '{}', new Date());
      await tx.$queryRawUnsafe('SELECT id FROM sample WHERE id = $1 FOR UPDATE', 'a');
      throw new Error('refused by the caller');
    });
    await expect(attempt).rejects.toThrow('refused by the caller');
    expect((await pool.query(`SELECT id FROM sample WHERE id = 'd'`)).rows).toEqual([]);
  });

  it('keeps working on the same connection after a message failed part-way through its PREPAREs', async () => {
    // A statement never seen before is prepared in the message that fails: whether its PREPARE ran
    // is unknown to the client, which must neither re-PREPARE it (an error) nor EXECUTE it unprepared.
    const fresh = `UPDATE sample SET amount = amount + $2 WHERE id = $1`;
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(insert, 'a', 'duplicate id', 1, false, [], '{}', new Date());
        await tx.$executeRawUnsafe(fresh, 'a', 1);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(fresh, 'a', 10);
    });
    expect((await pool.query(`SELECT amount FROM sample WHERE id = 'a'`)).rows[0].amount).toBe(3);
  });

  it('a transaction that only reads or does nothing commits cleanly and leaves the connection usable', async () => {
    await db.$transaction(async () => undefined);
    const [row] = await db.$transaction((tx) => tx.$queryRawUnsafe<{ n: number }[]>('SELECT count(*)::int AS n FROM sample'));
    expect(row!.n).toBe(2);
    expect((await pool.query('SELECT 1 AS ok')).rows[0].ok).toBe(1);
  });
  it('round-trips every type the services bind: bigint, int[] with nulls, bool[], timestamptz[], jsonb, bytea and unicode', async () => {
    const unicode = 'ünïcödé ✓ 𝄞 👩‍🔧 עברית e\u0301 \u2028';
    const values = {
      big: 9_223_372_036_854_775_807n,
      counts: [3, null, -2147483648, 2147483647],
      flags: [true, false, null],
      stamps: [new Date('1999-12-31T23:59:59.999Z'), new Date('2026-03-29T01:30:00.000Z')],
      detail: { unicode, quote: `'"\\`, list: [null, 1.5, 'x'], empty: {} },
      raw: Buffer.from([0, 1, 2, 255]),
    };
    const [row] = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(
        `INSERT INTO typed (id, big, counts, flags, stamps, detail, raw) VALUES ($1, $2::int8, $3::int[], $4::bool[], $5::timestamptz[], $6::jsonb, $7::bytea)`,
        unicode,
        values.big,
        values.counts,
        values.flags,
        values.stamps,
        JSON.stringify(values.detail),
        values.raw,
      );
      return tx.$queryRawUnsafe<Record<string, unknown>[]>('SELECT id, big, counts, flags, stamps, detail, raw FROM typed WHERE id = $1', unicode);
    });
    // int8 comes back as text (pg's default), exactly.
    expect(row).toEqual({ id: unicode, ...values, big: '9223372036854775807' });
  });

  it('refuses a NUL character in a value, writes nothing, and leaves the connection usable', async () => {
    const attempt = db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(insert, 'nul-before', 'written before', 1, false, [], '{}', new Date());
      await tx.$executeRawUnsafe(insert, 'nul', 'a NUL \u0000 inside', 1, false, [], '{}', new Date());
    });
    await expect(attempt).rejects.toMatchObject({ code: '22021' });
    expect((await pool.query(`SELECT id FROM sample WHERE id LIKE 'nul%'`)).rows).toEqual([]);
    await expect(db.$transaction((tx) => tx.$queryRawUnsafe<{ one: number }[]>('SELECT 1 AS one'))).resolves.toEqual([{ one: 1 }]);
  });

  it('binds values as parameters of named statements: no value is ever part of the SQL text', async () => {
    const injection = `x'); DELETE FROM sample; --`;
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(insert, 'bound', injection, 1, false, [], '{}', new Date());
    });
    expect((await pool.query(`SELECT label FROM sample WHERE id = 'bound'`)).rows).toEqual([{ label: injection }]);
    // One connection: the statements this spec ran are prepared on it, at the protocol level, with placeholders.
    const prepared = await pool.query<{ statement: string; from_sql: boolean }>(
      `SELECT statement, from_sql FROM pg_prepared_statements WHERE name LIKE 'wo\\_%'`,
    );
    expect(prepared.rows.length).toBeGreaterThan(0);
    expect(prepared.rows.every((row) => !row.from_sql && !row.statement.includes(injection))).toBe(true);
    expect(prepared.rows.some((row) => row.statement === insert)).toBe(true);
  });

  it('sends a transaction in as few socket writes as its reads allow: BEGIN with the first read, writes with the next read or the COMMIT', async () => {
    const client = await pool.connect();
    const socket = client.connection.stream;
    let writes = 0;
    const { _write: write, _writev: writev } = socket;
    socket._write = (chunk, encoding, callback) => ((writes += 1), write.call(socket, chunk, encoding, callback));
    if (writev) socket._writev = (chunks, callback) => ((writes += 1), writev.call(socket, chunks, callback));
    client.release();
    try {
      await db.$transaction(async (tx) => {
        const [locked] = await Promise.all([
          tx.$queryRawUnsafe<{ amount: number }[]>('SELECT amount FROM sample WHERE id = $1 FOR UPDATE', 'a'),
          tx.$queryRawUnsafe('SELECT id FROM sample WHERE id = $1', 'b'),
        ]);
        await tx.$executeRawUnsafe(`UPDATE sample SET amount = $2 WHERE id = $1`, 'a', locked[0]!.amount);
        await tx.$executeRawUnsafe(`UPDATE sample SET amount = $2 WHERE id = $1`, 'a', locked[0]!.amount);
        await tx.$queryRawUnsafe('SELECT amount FROM sample WHERE id = $1', 'a');
        await tx.$executeRawUnsafe(`UPDATE sample SET amount = $2 WHERE id = $1`, 'a', locked[0]!.amount);
      });
    } finally {
      socket._write = write;
      if (writev) socket._writev = writev;
    }
    expect(writes).toBe(3);
  });

  it('refuses a pool that is not in pipeline mode: without it every statement would wait for the one before', async () => {
    const plain = new Pool({ connectionString: url, max: 1 });
    try {
      await expect(new SqlDatabase(plain).$transaction((tx) => tx.$queryRawUnsafe('SELECT 1'))).rejects.toThrow('pipeline mode');
    } finally {
      await plain.end();
    }
  });
});
