import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { parseInput } from '@wo/platform';
import { z } from 'zod';
import { InboundOrders } from '../application/inbound-orders.service';
import { InboundStatus } from '../domain/inbound-order';

const quantity = z.number().int().positive().max(1_000_000);
const receiveBody = z.object({ lines: z.array(z.object({ sku: z.string().min(1), quantity })).min(1) });
const putawayBody = z.object({ lines: z.array(z.object({ sku: z.string().min(1), quantity, locationCode: z.string().min(1) })).min(1) });
const listQuery = z.object({
  workOrderId: z.string().min(1).optional(),
  warehouseId: z.string().min(1).optional(),
  status: z.enum(Object.values(InboundStatus) as [string, ...string[]]).optional(),
});

/** Inbound orders: receiving and putaway of finished goods. */
@Controller('inbound-orders')
export class InboundOrdersHttpController {
  constructor(private readonly orders: InboundOrders) {}

  @Get()
  list(@Query() query: unknown) {
    return this.orders.list(parseInput(listQuery, query, 'query'));
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.orders.get(id);
  }

  @Post(':id/receive')
  @HttpCode(200)
  receive(@Param('id') id: string, @Body() body: unknown) {
    return this.orders.receive(id, parseInput(receiveBody, body).lines);
  }

  @Post(':id/putaway')
  @HttpCode(200)
  putAway(@Param('id') id: string, @Body() body: unknown) {
    return this.orders.putAway(id, parseInput(putawayBody, body).lines);
  }
}
