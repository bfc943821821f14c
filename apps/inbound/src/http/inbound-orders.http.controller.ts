import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ACTION_ROLES, inboundOrderQuery, putawayBody, receiveBody } from '@wo/contracts/rest';
import { parseInput, RequireRole, ServesEveryMerchant } from '@wo/platform';
import { InboundOrders } from '../application/inbound-orders.service';

/** Inbound orders: receiving and putaway of finished goods. */
@ServesEveryMerchant()
@Controller('inbound-orders')
export class InboundOrdersHttpController {
  constructor(private readonly orders: InboundOrders) {}

  @Get()
  @RequireRole(...ACTION_ROLES['inbound.read'])
  list(@Query() query: unknown) {
    return this.orders.list(parseInput(inboundOrderQuery, query, 'query'));
  }

  @Get(':id')
  @RequireRole(...ACTION_ROLES['inbound.read'])
  get(@Param('id') id: string) {
    return this.orders.get(id);
  }

  @Post(':id/receive')
  @HttpCode(200)
  @RequireRole(...ACTION_ROLES['inbound.receive'])
  receive(@Param('id') id: string, @Body() body: unknown) {
    return this.orders.receive(id, parseInput(receiveBody, body).lines);
  }

  @Post(':id/putaway')
  @HttpCode(200)
  @RequireRole(...ACTION_ROLES['inbound.putAway'])
  putAway(@Param('id') id: string, @Body() body: unknown) {
    return this.orders.putAway(id, parseInput(putawayBody, body).lines);
  }
}
