import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ACTION_ROLES, inboundOrderQuery, putawayBody, receiveBody } from '@wo/contracts/rest';
import {
  actorOf,
  answer,
  CurrentPrincipal,
  merchantScopeOf,
  parseInput,
  RequireRole,
  ServesEveryMerchant,
  withCappedTotal,
  type Principal,
} from '@wo/platform';
import { InboundOrders } from '../application/inbound-orders.service';

/**
 * Inbound orders: receiving and putaway of finished goods. Each belongs to one merchant, so a
 * merchant-scoped token reads its own (another merchant's is 404); receiving and putaway are the
 * warehouse's work for every merchant.
 */
@Controller('inbound-orders')
export class InboundOrdersHttpController {
  constructor(private readonly orders: InboundOrders) {}

  @Get()
  @RequireRole(...ACTION_ROLES['inbound.read'])
  async list(@Query() query: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    return withCappedTotal(response, await this.orders.list(parseInput(inboundOrderQuery, query, 'query'), merchantScopeOf(principal)));
  }

  @Get(':id')
  @RequireRole(...ACTION_ROLES['inbound.read'])
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return answer(await this.orders.get(id, merchantScopeOf(principal)));
  }

  @Post(':id/receive')
  @HttpCode(200)
  @ServesEveryMerchant()
  @RequireRole(...ACTION_ROLES['inbound.receive'])
  async receive(@Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    return answer(await this.orders.receive(id, parseInput(receiveBody, body).lines, actorOf(principal)));
  }

  @Post(':id/putaway')
  @HttpCode(200)
  @ServesEveryMerchant()
  @RequireRole(...ACTION_ROLES['inbound.putAway'])
  async putAway(@Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    return answer(await this.orders.putAway(id, parseInput(putawayBody, body).lines, actorOf(principal)));
  }
}
