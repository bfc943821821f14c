import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { reservationQuery } from '@wo/contracts/rest';
import { parseInput, RequireRole, ServesEveryMerchant, skipTake, withTotalCount } from '@wo/platform';
import { InventoryDatabase } from '../persistence/inventory-database';

/** Inventory's own view of what is held and for which work order: what operators audit against. */
@ServesEveryMerchant()
@Controller('inventory/reservations')
export class ReservationsHttpController {
  constructor(private readonly db: InventoryDatabase) {}

  @Get()
  @RequireRole('planner', 'picker', 'inventory-clerk', 'sre')
  async list(@Query() query: unknown, @Res({ passthrough: true }) response: Response) {
    const { page, pageSize, ...filter } = parseInput(reservationQuery, query, 'query');
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
