import type { SqlExecutor } from '@wo/database';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

/** The picking database, through Prisma on the service's shared pg pool (see prismaDatabaseProvider). */
export class PickingDatabase extends PrismaClient {}

export type PickingTransaction = Prisma.TransactionClient;

/** A transaction of either kind: Prisma's, or `SqlDatabase`'s (the hot paths, in plain SQL). */
export type SqlTransaction = SqlExecutor;
