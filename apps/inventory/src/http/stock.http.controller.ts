import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ACTION_ROLES, adjustmentBody, movementQuery, stockQuery } from '@wo/contracts/rest';
import { CurrentPrincipal, EVERY_ROLE, merchantForBody, parseInput, RequireRole, visibleRows, type Principal } from '@wo/platform';
import { StockService } from '../application/stock.service';

/** Stock levels, restocks and corrections, and the movement ledger. */
@Controller('inventory')
export class StockHttpController {
  constructor(private readonly stock: StockService) {}

  @Post('adjustments')
  @RequireRole(...ACTION_ROLES['inventory.adjust'])
  adjust(@Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    const input = parseInput(adjustmentBody, body);
    return this.stock.adjust({ ...input, merchantId: merchantForBody(principal, input.merchantId)! });
  }

  @Get()
  @RequireRole(...EVERY_ROLE)
  async query(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    return visibleRows(principal, await this.stock.query(parseInput(stockQuery, query, 'query')), (row) => row.merchantId);
  }

  @Get('movements')
  @RequireRole(...EVERY_ROLE)
  async movements(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    return visibleRows(principal, await this.stock.movements(parseInput(movementQuery, query, 'query')), (row) => row.merchantId);
  }
}
