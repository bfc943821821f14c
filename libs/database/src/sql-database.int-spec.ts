import { Client, Pool } from 'pg';
import { ensureDatabase } from './ensure-database';
import { SqlDatabase } from './sql-database';

const postgres = process.env['POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';
const url = `${postgres}/wo_sql_database_check`;

/**
 * SqlDatabase sends writes later, with the next read or the commit, as EXECUTEs of statements it
 * prepares itself with the values written as literals: what reaches the table must be exactly
 * what a parameterised query would have written, and a failure anywhere must leave nothing.
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
    pool = new Pool({ connectionString: url, max: 1 });
    await pool.query(`CREATE TABLE sample (id text PRIMARY KEY, label text, amount int, flag bool, tags text[], detail jsonb, at timestamptz)`);
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
});
