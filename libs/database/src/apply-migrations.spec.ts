import { concurrentIndexStep } from './apply-migrations';

describe('concurrentIndexStep: which migrations run outside a transaction', () => {
  it('is undefined for a migration without CONCURRENTLY, however many statements it holds', () => {
    expect(concurrentIndexStep('m', 'CREATE TABLE t (id int);\nCREATE INDEX "t_id_idx" ON "t"("id");')).toBeUndefined();
  });

  it('names the index of a lone CREATE INDEX CONCURRENTLY, comments and a UNIQUE or IF NOT EXISTS allowed', () => {
    const sql =
      '-- Why: a year of lines.\n\n-- CreateIndex\nCREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "work_order_line_sku_idx" ON "work_order_line"("sku");\n';
    expect(concurrentIndexStep('m', sql)).toEqual({
      kind: 'create',
      index: 'work_order_line_sku_idx',
      statement: 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "work_order_line_sku_idx" ON "work_order_line"("sku")',
    });
  });

  it('names the index of a lone DROP INDEX CONCURRENTLY; an unquoted name folds to lower case as Postgres folds it', () => {
    expect(concurrentIndexStep('m', 'DROP INDEX CONCURRENTLY IF EXISTS Old_Idx;')).toEqual({
      kind: 'drop',
      index: 'old_idx',
      statement: 'DROP INDEX CONCURRENTLY IF EXISTS Old_Idx',
    });
  });

  it('refuses CONCURRENTLY beside any other statement, naming the migration', () => {
    expect(() => concurrentIndexStep('20270101000000_mixed', 'CREATE INDEX CONCURRENTLY "a_idx" ON "t"("a");\nDROP INDEX "b_idx";')).toThrow(
      /migration 20270101000000_mixed: a migration that uses CONCURRENTLY holds exactly one .* it holds 2 statement/,
    );
  });

  it('refuses a statement that mentions CONCURRENTLY but is no index build or drop', () => {
    expect(() => concurrentIndexStep('m', 'REINDEX INDEX CONCURRENTLY "a_idx";')).toThrow(/holds exactly one CREATE INDEX CONCURRENTLY/);
  });
});
