import type { SqlExecutor } from '@wo/database';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

/** The inventory database, through Prisma on the service's shared pg pool (see prismaDatabaseProvider). */
export class InventoryDatabase extends PrismaClient {}

export type InventoryTransaction = Prisma.TransactionClient;

/** A transaction of either kind: Prisma's, or `SqlDatabase`'s (the hot paths, in plain SQL). */
export type SqlTransaction = SqlExecutor;
