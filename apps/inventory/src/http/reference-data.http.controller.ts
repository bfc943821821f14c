import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { locationBody, merchantBody, merchantListQuery, productBody, productQuery, warehouseBody, warehouseListQuery } from '@wo/contracts/rest';
import { parseInput, withTotalCount } from '@wo/platform';
import { ReferenceDataService } from '../application/reference-data.service';

/** Merchants, warehouses with locations, and products (the SKU master). */
@Controller()
export class ReferenceDataHttpController {
  constructor(private readonly referenceData: ReferenceDataService) {}

  @Post('merchants')
  registerMerchant(@Body() body: unknown) {
    return this.referenceData.registerMerchant(parseInput(merchantBody, body));
  }

  @Get('merchants')
  async listMerchants(@Query() query: unknown, @Res({ passthrough: true }) response: Response) {
    return withTotalCount(response, await this.referenceData.listMerchants(parseInput(merchantListQuery, query, 'query')));
  }

  @Post('warehouses')
  registerWarehouse(@Body() body: unknown) {
    return this.referenceData.registerWarehouse(parseInput(warehouseBody, body));
  }

  @Get('warehouses')
  async listWarehouses(@Query() query: unknown, @Res({ passthrough: true }) response: Response) {
    return withTotalCount(response, await this.referenceData.listWarehouses(parseInput(warehouseListQuery, query, 'query')));
  }

  @Post('warehouses/:id/locations')
  addLocation(@Param('id') warehouseId: string, @Body() body: unknown) {
    return this.referenceData.addLocation(warehouseId, parseInput(locationBody, body).code);
  }

  @Post('products')
  registerProduct(@Body() body: unknown) {
    return this.referenceData.registerProduct(parseInput(productBody, body));
  }

  @Get('products')
  async listProducts(@Query() query: unknown, @Res({ passthrough: true }) response: Response) {
    return withTotalCount(response, await this.referenceData.listProducts(parseInput(productQuery, query, 'query')));
  }
}
