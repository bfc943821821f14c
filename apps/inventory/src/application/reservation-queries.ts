import { Injectable } from '@nestjs/common';
import type { ReservationStatus } from '@wo/contracts/rest';
import { cappedCountArgs, cappedTotal, skipTake, type PageRequest } from '@wo/platform';
import { InventoryDatabase } from '../persistence/inventory-database';

export interface ReservationFilter {
  readonly workOrderId?: string;
  readonly status?: ReservationStatus;
  readonly sku?: string;
}

/** The list's order, oldest first: the (created_at, id) and (sku, created_at, id) indexes' order. */
const OLDEST_FIRST = [{ createdAt: 'asc' as const }, { id: 'asc' as const }];

/**
 * Inventory's own view of what is held and for which work order: what operators audit against.
 * A year holds millions of reservations (every order's, held, consumed or released), so the list
 * comes off an index in its order (created_at, id) and its total is counted up to the cap.
 */
@Injectable()
export class ReservationQueries {
  constructor(private readonly db: InventoryDatabase) {}

  /** Oldest first; `scope`: the merchants a scoped caller serves (in the query, so paging and totals stay right). */
  async list({ page, pageSize, ...asked }: ReservationFilter & PageRequest, scope?: readonly string[]) {
    // A tombstone (a release that overtook its reserve: no order, holds nothing) is bookkeeping, not a reservation to audit.
    const where = { ...asked, ...(scope && { merchantId: { in: [...scope] } }), NOT: { workOrderId: '' } };
    // One snapshot: Prisma reads the bins of the page in a query of their own, and a release
    // committing between the two would show a reservation with bins it no longer holds.
    const [items, counted] = await this.db.$transaction(
      async (tx) =>
        [
          await tx.reservation.findMany({
            where,
            include: { allocations: true },
            orderBy: OLDEST_FIRST,
            ...skipTake({ page, pageSize }),
          }),
          await tx.reservation.count({ where, ...cappedCountArgs(OLDEST_FIRST) }),
        ] as const,
      { isolationLevel: 'RepeatableRead' },
    );
    // '' is stock without a lot: the answer says null.
    const withLots = items.map(({ allocations, ...reservation }) => ({
      ...reservation,
      allocations: allocations.map(({ lotCode, ...allocation }) => ({ ...allocation, lot: lotCode === '' ? null : lotCode })),
    }));
    return { items: withLots, ...cappedTotal(counted) };
  }
}
