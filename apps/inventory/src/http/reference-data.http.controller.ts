import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ACTION_ROLES, locationBody, merchantBody, productBody, productQuery, warehouseBody } from '@wo/contracts/rest';
import { CurrentPrincipal, EVERY_ROLE, merchantForBody, parseInput, RequireRole, visibleRows, type Principal } from '@wo/platform';
import { ReferenceDataService } from '../application/reference-data.service';

/** Merchants, warehouses with locations, and products (the SKU master). */
@Controller()
export class ReferenceDataHttpController {
  constructor(private readonly referenceData: ReferenceDataService) {}

  @Post('merchants')
  @RequireRole(...ACTION_ROLES['merchants.create'])
  registerMerchant(@Body() body: unknown) {
    return this.referenceData.registerMerchant(parseInput(merchantBody, body));
  }

  @Get('merchants')
  @RequireRole(...EVERY_ROLE)
  async listMerchants(@CurrentPrincipal() principal: Principal) {
    return visibleRows(principal, await this.referenceData.listMerchants(), (merchant) => merchant.id);
  }

  @Post('warehouses')
  @RequireRole(...ACTION_ROLES['warehouses.create'])
  registerWarehouse(@Body() body: unknown) {
    return this.referenceData.registerWarehouse(parseInput(warehouseBody, body));
  }

  @Get('warehouses')
  @RequireRole(...EVERY_ROLE)
  listWarehouses() {
    return this.referenceData.listWarehouses();
  }

  @Post('warehouses/:id/locations')
  @RequireRole(...ACTION_ROLES['locations.create'])
  addLocation(@Param('id') warehouseId: string, @Body() body: unknown) {
    return this.referenceData.addLocation(warehouseId, parseInput(locationBody, body).code);
  }

  @Post('products')
  @RequireRole(...ACTION_ROLES['products.create'])
  registerProduct(@Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    const input = parseInput(productBody, body);
    return this.referenceData.registerProduct({ ...input, merchantId: merchantForBody(principal, input.merchantId)! });
  }

  @Get('products')
  @RequireRole(...EVERY_ROLE)
  async listProducts(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    return visibleRows(principal, await this.referenceData.listProducts(parseInput(productQuery, query, 'query')), (product) => product.merchantId);
  }
}
