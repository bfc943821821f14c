import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { parseInput } from '@wo/platform';
import { z } from 'zod';
import { StockService } from '../application/stock.service';

const adjustmentBody = z.object({
  warehouseId: z.string().min(1),
  merchantId: z.string().min(1),
  sku: z.string().min(1),
  locationCode: z.string().min(1),
  quantity: z.number().int().refine((quantity) => quantity !== 0, 'must not be zero').refine((quantity) => Math.abs(quantity) <= 1_000_000_000, 'too large'),
  reason: z.string().trim().min(1).max(500),
});

const stockQuery = z.object({
  warehouseId: z.string().min(1).optional(),
  merchantId: z.string().min(1).optional(),
  sku: z.string().min(1).optional(),
});

const movementQuery = stockQuery.extend({ locationCode: z.string().min(1).optional(), reference: z.string().min(1).optional() });

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
