import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  createWorkOrderBody,
  numberSuggestionQuery,
  updateWorkOrderBody,
  workOrderListQuery,
  workOrderStatusCountsQuery,
} from '@wo/contracts/rest';
import { EVERY_ROLE, RequireRole, parseInput } from '@wo/platform';
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
  @RequireRole('planner', 'merchant-user')
  suggestNumber(@Query() query: unknown) {
    return this.queries.suggestNumber(parseInput(numberSuggestionQuery, query, 'query').warehouseId);
  }

  /** Declared before `:id`, so "status-counts" is never read as an id. */
  @Get('status-counts')
  @RequireRole(...EVERY_ROLE)
  statusCounts(@Query() query: unknown) {
    return this.queries.statusCounts(parseInput(workOrderStatusCountsQuery, query, 'query'));
  }

  @Post()
  @RequireRole('planner', 'merchant-user')
  async create(@Body() body: unknown) {
    const input = parseInput(createWorkOrderBody, body);
    const { bom, outputs, materials, ...rest } = input;
    const { id } = await this.commands.create({ ...rest, lines: bom ? bom : { outputs: outputs!, materials: materials! } });
    return this.queries.detail(id);
  }

  @Get()
  @RequireRole(...EVERY_ROLE)
  list(@Query() query: unknown) {
    return this.queries.list(parseInput(workOrderListQuery, query, 'query'));
  }

  @Get(':id')
  @RequireRole(...EVERY_ROLE)
  detail(@Param('id') id: string) {
    return this.queries.detail(id);
  }

  @Patch(':id')
  @RequireRole('planner')
  async update(@Param('id') id: string, @Body() body: unknown) {
    await this.commands.update(id, parseInput(updateWorkOrderBody, body));
    return this.queries.detail(id);
  }

  @Post(':id/confirm')
  @HttpCode(202)
  @RequireRole('planner', 'merchant-user')
  confirm(@Param('id') id: string) {
    return this.commands.confirm(id);
  }

  @Post(':id/retry-allocation')
  @HttpCode(202)
  @RequireRole('planner')
  retryAllocation(@Param('id') id: string) {
    return this.commands.retryAllocation(id);
  }

  @Post(':id/picking-lists')
  @HttpCode(202)
  @RequireRole('picker')
  createPickingList(@Param('id') id: string) {
    return this.commands.createPickingList(id);
  }

  @Post(':id/complete')
  @HttpCode(202)
  @RequireRole('planner')
  complete(@Param('id') id: string) {
    return this.commands.complete(id);
  }

  @Post(':id/cancel')
  @HttpCode(202)
  @RequireRole('planner')
  cancel(@Param('id') id: string) {
    return this.commands.cancel(id);
  }
}
