import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { createPickingListBody, pickingListQuery, pickingRequestsQuery, startPickingListBody } from '@wo/contracts/rest';
import { parseInput, RequireRole, ServesEveryMerchant } from '@wo/platform';
import { PickingLists } from '../application/picking-lists.service';
import { PickingRequests } from '../application/picking-requests.service';

/** Picking requests and picking lists over HTTP. */
@ServesEveryMerchant()
@Controller()
export class PickingHttpController {
  constructor(
    private readonly requests: PickingRequests,
    private readonly lists: PickingLists,
  ) {}

  @Get('picking-requests')
  @RequireRole('picker', 'planner')
  waiting(@Query() query: unknown) {
    return this.requests.waiting(parseInput(pickingRequestsQuery, query, 'query').warehouseId);
  }

  @Post('picking-lists')
  @RequireRole('picker')
  create(@Body() body: unknown) {
    return this.lists.create(parseInput(createPickingListBody, body));
  }

  @Get('picking-lists')
  @RequireRole('picker', 'planner', 'sre')
  list(@Query() query: unknown) {
    return this.lists.list(parseInput(pickingListQuery, query, 'query'));
  }

  @Get('picking-lists/:id')
  @RequireRole('picker', 'planner', 'sre')
  get(@Param('id') id: string) {
    return this.lists.get(id);
  }

  @Post('picking-lists/:id/start')
  @HttpCode(200)
  @RequireRole('picker')
  start(@Param('id') id: string, @Body() body: unknown) {
    return this.lists.start(id, parseInput(startPickingListBody, body).picker);
  }

  @Post('picking-lists/:id/complete')
  @HttpCode(200)
  @RequireRole('picker')
  complete(@Param('id') id: string) {
    return this.lists.complete(id);
  }

  @Post('picking-lists/:id/cancel')
  @HttpCode(200)
  @RequireRole('picker')
  cancel(@Param('id') id: string) {
    return this.lists.cancel(id);
  }
}
