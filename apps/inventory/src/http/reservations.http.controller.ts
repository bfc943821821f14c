import { Controller, Get, Query } from '@nestjs/common';
import { reservationQuery } from '@wo/contracts/rest';
import { parseInput, RequireRole, ServesEveryMerchant } from '@wo/platform';
import { InventoryDatabase } from '../persistence/inventory-database';

/** Inventory's own view of what is held and for which work order: what operators audit against. */
@ServesEveryMerchant()
@Controller('inventory/reservations')
export class ReservationsHttpController {
  constructor(private readonly db: InventoryDatabase) {}

  @Get()
  @RequireRole('planner', 'picker', 'inventory-clerk', 'sre')
  list(@Query() query: unknown) {
    const filter = parseInput(reservationQuery, query, 'query');
    return this.db.reservation.findMany({ where: filter, include: { allocations: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: 1_000 });
  }
}
