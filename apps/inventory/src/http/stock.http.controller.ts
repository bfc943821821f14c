import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { adjustmentBody, movementQuery, stockQuery } from '@wo/contracts/rest';
import { EVERY_ROLE, RequireRole, parseInput } from '@wo/platform';
import { StockService } from '../application/stock.service';

/** Stock levels, restocks and corrections, and the movement ledger. */
@Controller('inventory')
export class StockHttpController {
  constructor(private readonly stock: StockService) {}

  @Post('adjustments')
  @RequireRole('inventory-clerk')
  adjust(@Body() body: unknown) {
    return this.stock.adjust(parseInput(adjustmentBody, body));
  }

  @Get()
  @RequireRole(...EVERY_ROLE)
  query(@Query() query: unknown) {
    return this.stock.query(parseInput(stockQuery, query, 'query'));
  }

  @Get('movements')
  @RequireRole(...EVERY_ROLE)
  movements(@Query() query: unknown) {
    return this.stock.movements(parseInput(movementQuery, query, 'query'));
  }
}
