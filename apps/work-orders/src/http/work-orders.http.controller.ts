import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ACTION_ROLES,
  createWorkOrderBody,
  numberSuggestionQuery,
  updateWorkOrderBody,
  workOrderListQuery,
  workOrderStatusCountsQuery,
} from '@wo/contracts/rest';
import {
  actorOf,
  answer,
  CurrentPrincipal,
  EVERY_ROLE,
  merchantForBody,
  merchantScopeOf,
  parseInput,
  RequireRole,
  requireVisible,
  type Principal,
} from '@wo/platform';
import { BomService } from '../application/bom.service';
import { WorkOrderCommands } from '../application/work-order-commands.service';
import { WorkOrderQueries } from '../application/work-order-queries.service';

/** Work orders over HTTP. Long actions answer 202: read the order until pendingAction is null. */
@Controller('work-orders')
export class WorkOrdersHttpController {
  constructor(
    private readonly commands: WorkOrderCommands,
    private readonly queries: WorkOrderQueries,
    private readonly boms: BomService,
  ) {}

  @Get('number-suggestion')
  @RequireRole('planner', 'merchant-user')
  async suggestNumber(@Query() query: unknown) {
    return answer(await this.queries.suggestNumber(parseInput(numberSuggestionQuery, query, 'query').warehouseId));
  }

  /** Declared before `:id`, so "status-counts" is never read as an id. */
  @Get('status-counts')
  @RequireRole(...EVERY_ROLE)
  statusCounts(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    return this.queries.statusCounts(parseInput(workOrderStatusCountsQuery, query, 'query'), merchantScopeOf(principal));
  }

  @Post()
  @RequireRole(...ACTION_ROLES['work-orders.create'])
  async create(@Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    const input = parseInput(createWorkOrderBody, body);
    const { bom, outputs, materials, ...rest } = input;
    const merchantId = merchantForBody(principal, rest.merchantId);
    if (bom) await this.visibleBom(principal, bom.bomId);
    const { id } = answer(
      await this.commands.create({ ...rest, merchantId, lines: bom ? bom : { outputs: outputs!, materials: materials! } }, actorOf(principal)),
    );
    return answer(await this.queries.detail(id));
  }

  @Get()
  @RequireRole(...EVERY_ROLE)
  list(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    return this.queries.list(parseInput(workOrderListQuery, query, 'query'), merchantScopeOf(principal));
  }

  @Get(':id')
  @RequireRole(...EVERY_ROLE)
  async detail(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    const order = answer(await this.queries.detail(id));
    requireVisible(principal, order.merchantId, 'Work order', id);
    return order;
  }

  @Patch(':id')
  @RequireRole(...ACTION_ROLES['work-orders.edit'])
  async update(@Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    await this.visibleOrder(principal, id);
    answer(await this.commands.update(id, parseInput(updateWorkOrderBody, body), actorOf(principal)));
    return answer(await this.queries.detail(id));
  }

  @Post(':id/confirm')
  @HttpCode(202)
  @RequireRole(...ACTION_ROLES['work-orders.confirm'])
  async confirm(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    await this.visibleOrder(principal, id);
    return answer(await this.commands.confirm(id, actorOf(principal)));
  }

  @Post(':id/retry-allocation')
  @HttpCode(202)
  @RequireRole(...ACTION_ROLES['work-orders.retryAllocation'])
  async retryAllocation(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    await this.visibleOrder(principal, id);
    return answer(await this.commands.retryAllocation(id, actorOf(principal)));
  }

  @Post(':id/picking-lists')
  @HttpCode(202)
  @RequireRole(...ACTION_ROLES['work-orders.createPickingList'])
  async createPickingList(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    await this.visibleOrder(principal, id);
    return answer(await this.commands.createPickingList(id, actorOf(principal)));
  }

  @Post(':id/complete')
  @HttpCode(202)
  @RequireRole(...ACTION_ROLES['work-orders.complete'])
  async complete(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    await this.visibleOrder(principal, id);
    return answer(await this.commands.complete(id, actorOf(principal)));
  }

  @Post(':id/cancel')
  @HttpCode(202)
  @RequireRole(...ACTION_ROLES['work-orders.cancel'])
  async cancel(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    await this.visibleOrder(principal, id);
    return answer(await this.commands.cancel(id, actorOf(principal)));
  }

  /** Another merchant's order is unknown to a merchant-scoped caller (404); staff skip the read. */
  private async visibleOrder(principal: Principal, id: string): Promise<void> {
    if (principal.merchantIds === 'all') return;
    const order = answer(await this.queries.detail(id));
    requireVisible(principal, order.merchantId, 'Work order', id);
  }

  private async visibleBom(principal: Principal, bomId: string): Promise<void> {
    if (principal.merchantIds === 'all') return;
    requireVisible(principal, answer(await this.boms.get(bomId)).merchantId, 'BOM', bomId);
  }
}
