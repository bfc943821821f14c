import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { locationBody, merchantBody, productBody, productQuery, warehouseBody } from '@wo/contracts/rest';
import { parseInput } from '@wo/platform';
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
  listMerchants() {
    return this.referenceData.listMerchants();
  }

  @Post('warehouses')
  registerWarehouse(@Body() body: unknown) {
    return this.referenceData.registerWarehouse(parseInput(warehouseBody, body));
  }

  @Get('warehouses')
  listWarehouses() {
    return this.referenceData.listWarehouses();
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
  listProducts(@Query() query: unknown) {
    return this.referenceData.listProducts(parseInput(productQuery, query, 'query'));
  }
}
