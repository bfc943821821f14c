import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ACTION_ROLES, adjustmentBody, movementQuery, stockQuery } from '@wo/contracts/rest';
import { answer, CurrentPrincipal, EVERY_ROLE, merchantForBody, merchantScopeOf, parseInput, RequireRole, withCursor, type Principal } from '@wo/platform';
import { StockService } from '../application/stock.service';

/** Stock levels, restocks and corrections, and the movement ledger. */
@Controller('inventory')
export class StockHttpController {
  constructor(private readonly stock: StockService) {}

  @Post('adjustments')
  @RequireRole(...ACTION_ROLES['inventory.adjust'])
  async adjust(@Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    const input = parseInput(adjustmentBody, body);
    return answer(await this.stock.adjust({ ...input, merchantId: merchantForBody(principal, input.merchantId)! }));
  }

  @Get()
  @RequireRole(...EVERY_ROLE)
  async query(@Query() query: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    // A scoped token's merchants only, left out in the query so paging and the total stay right.
    return withCursor(response, await this.stock.query(parseInput(stockQuery, query, 'query'), merchantScopeOf(principal)));
  }

  @Get('movements')
  @RequireRole(...EVERY_ROLE)
  async movements(@Query() query: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    return withCursor(response, await this.stock.movements(parseInput(movementQuery, query, 'query'), merchantScopeOf(principal)));
  }
}
