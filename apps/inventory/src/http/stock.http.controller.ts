import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { adjustmentBody, movementQuery, stockQuery } from '@wo/contracts/rest';
import { parseInput, withTotalCount } from '@wo/platform';
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
  async query(@Query() query: unknown, @Res({ passthrough: true }) response: Response) {
    return withTotalCount(response, await this.stock.query(parseInput(stockQuery, query, 'query')));
  }

  @Get('movements')
  async movements(@Query() query: unknown, @Res({ passthrough: true }) response: Response) {
    return withTotalCount(response, await this.stock.movements(parseInput(movementQuery, query, 'query')));
  }
}
