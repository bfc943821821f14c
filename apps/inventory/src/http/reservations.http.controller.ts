import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ACTION_ROLES, reservationQuery } from '@wo/contracts/rest';
import { CurrentPrincipal, merchantScopeOf, parseInput, RequireRole, skipTake, withTotalCount, type Principal } from '@wo/platform';
import { InventoryDatabase } from '../persistence/inventory-database';

/**
 * Inventory's own view of what is held and for which work order: what operators audit against.
 * Each reservation is one merchant's: a scoped token sees its merchants' only.
 */
@Controller('inventory/reservations')
export class ReservationsHttpController {
  constructor(private readonly db: InventoryDatabase) {}

  @Get()
  @RequireRole(...ACTION_ROLES['reservations.read'])
  async list(@Query() query: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const { page, pageSize, ...asked } = parseInput(reservationQuery, query, 'query');
    const scope = merchantScopeOf(principal);
    // A tombstone (a release that overtook its reserve: no order, holds nothing) is bookkeeping, not a reservation to audit.
    const filter = { ...asked, ...(scope && { merchantId: { in: [...scope] } }), NOT: { workOrderId: '' } };
    const [items, total] = await Promise.all([
      this.db.reservation.findMany({
        where: filter,
        include: { allocations: true },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        ...skipTake({ page, pageSize }),
      }),
      this.db.reservation.count({ where: filter }),
    ]);
    // '' is stock without a lot: the answer says null.
    const withLots = items.map(({ allocations, ...reservation }) => ({
      ...reservation,
      allocations: allocations.map(({ lotCode, ...allocation }) => ({ ...allocation, lot: lotCode === '' ? null : lotCode })),
    }));
    return withTotalCount(response, { items: withLots, total });
  }
}
