import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  createWorkOrderBody,
  numberSuggestionQuery,
  updateWorkOrderBody,
  workOrderListQuery,
  workOrderStatusCountsQuery,
} from '@wo/contracts/rest';
import { parseInput } from '@wo/platform';
import { WorkOrderCommands } from '../application/work-order-commands.service';
import { WorkOrderQueries } from '../application/work-order-queries.service';

/** Work orders over HTTP. Long actions answer 202: read the order until pendingAction is null. */
@Controller('work-orders')
export class WorkOrdersHttpController {
  constructor(
    private readonly commands: WorkOrderCommands,
    private readonly queries: WorkOrderQueries,
  ) {}

  @Get('number-suggestion')
  suggestNumber(@Query() query: unknown) {
    return this.queries.suggestNumber(parseInput(numberSuggestionQuery, query, 'query').warehouseId);
  }

  /** Declared before `:id`, so "status-counts" is never read as an id. */
  @Get('status-counts')
  statusCounts(@Query() query: unknown) {
    return this.queries.statusCounts(parseInput(workOrderStatusCountsQuery, query, 'query'));
  }

  @Post()
  async create(@Body() body: unknown) {
    const input = parseInput(createWorkOrderBody, body);
    const { bom, outputs, materials, ...rest } = input;
    const { id } = await this.commands.create({ ...rest, lines: bom ? bom : { outputs: outputs!, materials: materials! } });
    return this.queries.detail(id);
  }

  @Get()
  list(@Query() query: unknown) {
    return this.queries.list(parseInput(workOrderListQuery, query, 'query'));
  }

  @Get(':id')
  detail(@Param('id') id: string) {
    return this.queries.detail(id);
  }

  @Patch(':id')
  async update(@Param('id') id: string, @Body() body: unknown) {
    await this.commands.update(id, parseInput(updateWorkOrderBody, body));
    return this.queries.detail(id);
  }

  @Post(':id/confirm')
  @HttpCode(202)
  confirm(@Param('id') id: string) {
    return this.commands.confirm(id);
  }

  @Post(':id/retry-allocation')
  @HttpCode(202)
  retryAllocation(@Param('id') id: string) {
    return this.commands.retryAllocation(id);
  }

  @Post(':id/picking-lists')
  @HttpCode(202)
  createPickingList(@Param('id') id: string) {
    return this.commands.createPickingList(id);
  }

  @Post(':id/complete')
  @HttpCode(202)
  complete(@Param('id') id: string) {
    return this.commands.complete(id);
  }

  @Post(':id/cancel')
  @HttpCode(202)
  cancel(@Param('id') id: string) {
    return this.commands.cancel(id);
  }
}
