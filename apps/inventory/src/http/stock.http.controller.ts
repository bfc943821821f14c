import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { adjustmentBody, movementQuery, stockQuery } from '@wo/contracts/rest';
import { parseInput } from '@wo/platform';
import { StockService } from '../application/stock.service';

/** Stock levels, restocks and corrections, and the movement ledger. */
@Controller('inventory')
export class StockHttpController {
  constructor(private readonly stock: StockService) {}

  @Post('adjustments')
  adjust(@Body() body: unknown) {
    return this.stock.adjust(parseInput(adjustmentBody, body));
  }

  @Get()
  query(@Query() query: unknown) {
    return this.stock.query(parseInput(stockQuery, query, 'query'));
  }

  @Get('movements')
  movements(@Query() query: unknown) {
    return this.stock.movements(parseInput(movementQuery, query, 'query'));
  }
}
