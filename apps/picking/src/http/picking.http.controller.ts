import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ACTION_ROLES, createPickingListBody, pickingListQuery, pickingRequestsQuery, startPickingListBody } from '@wo/contracts/rest';
import {
  actorOf,
  answer,
  CurrentPrincipal,
  merchantScopeOf,
  parseInput,
  RequireRole,
  ServesEveryMerchant,
  withCappedTotal,
  withTotalCount,
  type Principal,
} from '@wo/platform';
import { PickingLists } from '../application/picking-lists.service';
import { PickingRequests } from '../application/picking-requests.service';

/**
 * Picking requests and picking lists over HTTP. A request is one merchant's work order: a scoped
 * token reads its merchants' own. A list walks several merchants' orders and is the warehouse's
 * work: refused (403) to a scoped token, as is every change.
 */
@Controller()
export class PickingHttpController {
  constructor(
    private readonly requests: PickingRequests,
    private readonly lists: PickingLists,
  ) {}

  @Get('picking-requests')
  @RequireRole(...ACTION_ROLES['pickingRequests.read'])
  async waiting(@Query() query: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const { warehouseId, ...page } = parseInput(pickingRequestsQuery, query, 'query');
    return withTotalCount(response, await this.requests.waiting(warehouseId, page, merchantScopeOf(principal)));
  }

  @Post('picking-lists')
  @ServesEveryMerchant()
  @RequireRole(...ACTION_ROLES['picking.change'])
  async create(@Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    return answer(await this.lists.create(parseInput(createPickingListBody, body), actorOf(principal)));
  }

  @Get('picking-lists')
  @ServesEveryMerchant()
  @RequireRole(...ACTION_ROLES['pickingLists.read'])
  async list(@Query() query: unknown, @Res({ passthrough: true }) response: Response) {
    return withCappedTotal(response, await this.lists.list(parseInput(pickingListQuery, query, 'query')));
  }

  @Get('picking-lists/:id')
  @ServesEveryMerchant()
  @RequireRole(...ACTION_ROLES['pickingLists.read'])
  async get(@Param('id') id: string) {
    return answer(await this.lists.get(id));
  }

  @Post('picking-lists/:id/start')
  @HttpCode(200)
  @ServesEveryMerchant()
  @RequireRole(...ACTION_ROLES['picking.change'])
  async start(@Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    return answer(await this.lists.start(id, parseInput(startPickingListBody, body).picker, actorOf(principal)));
  }

  @Post('picking-lists/:id/complete')
  @HttpCode(200)
  @ServesEveryMerchant()
  @RequireRole(...ACTION_ROLES['picking.change'])
  async complete(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return answer(await this.lists.complete(id, actorOf(principal)));
  }

  @Post('picking-lists/:id/cancel')
  @HttpCode(200)
  @ServesEveryMerchant()
  @RequireRole(...ACTION_ROLES['picking.change'])
  async cancel(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return answer(await this.lists.cancel(id, actorOf(principal)));
  }
}
