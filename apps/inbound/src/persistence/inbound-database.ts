import { PrismaClient, type Prisma } from '../generated/prisma/client';

/** The inbound database, through Prisma on the service's shared pg pool (see prismaDatabaseProvider). */
export class InboundDatabase extends PrismaClient {}

export type InboundTransaction = Prisma.TransactionClient;
