import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { parseInput } from '@wo/platform';
import { z } from 'zod';
import { PickingLists } from '../application/picking-lists.service';
import { PickingRequests } from '../application/picking-requests.service';
import { PickingListStatus } from '../domain/picking-list-lifecycle';

const requestsQuery = z.object({ warehouseId: z.string().min(1) });
const createBody = z.object({
  warehouseId: z.string().min(1),
  workOrderIds: z.array(z.string().min(1)).min(1).max(200).refine((ids) => new Set(ids).size === ids.length, 'each work order at most once'),
});
const listQuery = z.object({
  workOrderId: z.string().min(1).optional(),
  warehouseId: z.string().min(1).optional(),
  status: z.enum(Object.values(PickingListStatus) as [string, ...string[]]).optional(),
});
const startBody = z.object({ picker: z.string().trim().min(1).max(100) });

/** Picking requests and picking lists over HTTP. */
@Controller()
export class PickingHttpController {
  constructor(
    private readonly requests: PickingRequests,
    private readonly lists: PickingLists,
  ) {}

  @Get('picking-requests')
  waiting(@Query() query: unknown) {
    return this.requests.waiting(parseInput(requestsQuery, query, 'query').warehouseId);
  }

  @Post('picking-lists')
  create(@Body() body: unknown) {
    return this.lists.create(parseInput(createBody, body));
  }

  @Get('picking-lists')
  list(@Query() query: unknown) {
    return this.lists.list(parseInput(listQuery, query, 'query'));
  }

  @Get('picking-lists/:id')
  get(@Param('id') id: string) {
    return this.lists.get(id);
  }

  @Post('picking-lists/:id/start')
  @HttpCode(200)
  start(@Param('id') id: string, @Body() body: unknown) {
    return this.lists.start(id, parseInput(startBody, body).picker);
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
