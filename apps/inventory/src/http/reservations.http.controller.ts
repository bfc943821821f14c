import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ACTION_ROLES, reservationQuery } from '@wo/contracts/rest';
import { CurrentPrincipal, merchantScopeOf, parseInput, RequireRole, withCappedTotal, type Principal } from '@wo/platform';
import { ReservationQueries } from '../application/reservation-queries';

/** Reservations as inventory holds them. Each is one merchant's: a scoped token sees its merchants' only. */
@Controller('inventory/reservations')
export class ReservationsHttpController {
  constructor(private readonly reservations: ReservationQueries) {}

  @Get()
  @RequireRole(...ACTION_ROLES['reservations.read'])
  async list(@Query() query: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    return withCappedTotal(response, await this.reservations.list(parseInput(reservationQuery, query, 'query'), merchantScopeOf(principal)));
  }
}
