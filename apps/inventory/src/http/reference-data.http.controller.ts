import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { parseInput } from '@wo/platform';
import { z } from 'zod';
import { ReferenceDataService } from '../application/reference-data.service';

const code = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore');
const name = z.string().trim().min(1).max(200);

const merchantBody = z.object({ name });
const warehouseBody = z.object({ code, name, locations: z.array(code).max(1_000).default([]) });
const locationBody = z.object({ code });
const productBody = z.object({ merchantId: z.string().min(1), sku: z.string().trim().min(1).max(64), name });
const productQuery = z.object({ merchantId: z.string().min(1).optional(), sku: z.string().min(1).optional() });

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
