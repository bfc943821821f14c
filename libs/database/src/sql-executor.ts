/**
 * The one thing the outbox and inbox need from a transaction: run SQL in it.
 * A Prisma interactive-transaction client satisfies it, so the business write and the message
 * write share one Postgres transaction without this library knowing each service's schema.
 */
export interface SqlExecutor {
  /** A write. Its row count is not part of the contract: SqlDatabase sends writes later, together. */
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<unknown>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}
