import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { bomBody, bomQuery } from '@wo/contracts/rest';
import { EVERY_ROLE, RequireRole, parseInput } from '@wo/platform';
import { BomService } from '../application/bom.service';

/** BOM recipes: what a set is made of. */
@Controller('boms')
export class BomsHttpController {
  constructor(private readonly boms: BomService) {}

  @Post()
  @RequireRole('planner')
  create(@Body() body: unknown) {
    return this.boms.create(parseInput(bomBody, body));
  }

  @Get()
  @RequireRole(...EVERY_ROLE)
  list(@Query() query: unknown) {
    return this.boms.list(parseInput(bomQuery, query, 'query'));
  }

  @Get(':id')
  @RequireRole(...EVERY_ROLE)
  get(@Param('id') id: string) {
    return this.boms.get(id);
  }

  @Put(':id')
  @RequireRole('planner')
  replace(@Param('id') id: string, @Body() body: unknown) {
    return this.boms.replace(id, parseInput(bomBody, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRole('planner')
  async remove(@Param('id') id: string): Promise<void> {
    await this.boms.remove(id);
  }
}
