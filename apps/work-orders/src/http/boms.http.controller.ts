import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ACTION_ROLES, bomBody, bomQuery } from '@wo/contracts/rest';
import {
  answer,
  CurrentPrincipal,
  EVERY_ROLE,
  merchantForBody,
  merchantScopeOf,
  parseInput,
  RequireRole,
  requireVisible,
  withTotalCount,
  type Principal,
} from '@wo/platform';
import { BomService } from '../application/bom.service';

/** BOM recipes: what a set is made of. */
@Controller('boms')
export class BomsHttpController {
  constructor(private readonly boms: BomService) {}

  @Post()
  @RequireRole(...ACTION_ROLES['boms.change'])
  async create(@Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    const input = parseInput(bomBody, body);
    return answer(await this.boms.create({ ...input, merchantId: merchantForBody(principal, input.merchantId) }));
  }

  @Get()
  @RequireRole(...EVERY_ROLE)
  async list(@Query() query: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    // A scoped token's merchants only, left out in the query so paging and the total stay right.
    return withTotalCount(response, await this.boms.list(parseInput(bomQuery, query, 'query'), merchantScopeOf(principal)));
  }

  @Get(':id')
  @RequireRole(...EVERY_ROLE)
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    const bom = answer(await this.boms.get(id));
    requireVisible(principal, bom.merchantId, 'BOM', id);
    return bom;
  }

  @Put(':id')
  @RequireRole(...ACTION_ROLES['boms.change'])
  async replace(@Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    await this.get(id, principal);
    const input = parseInput(bomBody, body);
    // Moving a BOM to a merchant the caller does not serve is refused like naming one on create.
    return answer(await this.boms.replace(id, { ...input, merchantId: merchantForBody(principal, input.merchantId) }));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRole(...ACTION_ROLES['boms.change'])
  async remove(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.get(id, principal);
    answer(await this.boms.remove(id));
  }
}
