import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { createPickingListBody, pickingListQuery, pickingRequestsQuery, startPickingListBody } from '@wo/contracts/rest';
import { parseInput, withTotalCount } from '@wo/platform';
import { PickingLists } from '../application/picking-lists.service';
import { PickingRequests } from '../application/picking-requests.service';

/** Picking requests and picking lists over HTTP. */
@Controller()
export class PickingHttpController {
  constructor(
    private readonly requests: PickingRequests,
    private readonly lists: PickingLists,
  ) {}

  @Get('picking-requests')
  async waiting(@Query() query: unknown, @Res({ passthrough: true }) response: Response) {
    const { warehouseId, ...page } = parseInput(pickingRequestsQuery, query, 'query');
    return withTotalCount(response, await this.requests.waiting(warehouseId, page));
  }

  @Post('picking-lists')
  create(@Body() body: unknown) {
    return this.lists.create(parseInput(createPickingListBody, body));
  }

  @Get('picking-lists')
  async list(@Query() query: unknown, @Res({ passthrough: true }) response: Response) {
    return withTotalCount(response, await this.lists.list(parseInput(pickingListQuery, query, 'query')));
  }

  @Get('picking-lists/:id')
  get(@Param('id') id: string) {
    return this.lists.get(id);
  }

  @Post('picking-lists/:id/start')
  @HttpCode(200)
  start(@Param('id') id: string, @Body() body: unknown) {
    return this.lists.start(id, parseInput(startPickingListBody, body).picker);
  }

  @Post('picking-lists/:id/complete')
  @HttpCode(200)
  complete(@Param('id') id: string) {
    return this.lists.complete(id);
  }

  @Post('picking-lists/:id/cancel')
  @HttpCode(200)
  cancel(@Param('id') id: string) {
    return this.lists.cancel(id);
  }
}
