import type { SqlExecutor } from './sql-executor';

/**
 * Locks the row with this id for the rest of the transaction (SELECT ... FOR UPDATE), so that
 * concurrent actions on one aggregate run one after the other. False when there is no such row.
 */
export async function lockRowById(tx: SqlExecutor, table: string, id: string): Promise<boolean> {
  // The table name is ours, never input: still, refuse anything but a plain identifier.
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`not a table name: ${table}`);
  const rows = await tx.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM ${table} WHERE id = $1 FOR UPDATE`, id);
  return rows.length === 1;
}
