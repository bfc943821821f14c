import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { bomBody, bomQuery } from '@wo/contracts/rest';
import { parseInput, withTotalCount } from '@wo/platform';
import { BomService } from '../application/bom.service';

/** BOM recipes: what a set is made of. */
@Controller('boms')
export class BomsHttpController {
  constructor(private readonly boms: BomService) {}

  @Post()
  create(@Body() body: unknown) {
    return this.boms.create(parseInput(bomBody, body));
  }

  @Get()
  async list(@Query() query: unknown, @Res({ passthrough: true }) response: Response) {
    return withTotalCount(response, await this.boms.list(parseInput(bomQuery, query, 'query')));
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.boms.get(id);
  }

  @Put(':id')
  replace(@Param('id') id: string, @Body() body: unknown) {
    return this.boms.replace(id, parseInput(bomBody, body));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id') id: string): Promise<void> {
    await this.boms.remove(id);
  }
}
