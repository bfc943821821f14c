import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ACTION_ROLES, locationBody, merchantBody, merchantListQuery, productBody, productQuery, warehouseBody, warehouseListQuery } from '@wo/contracts/rest';
import {
  answer,
  CurrentPrincipal,
  EVERY_ROLE,
  merchantForBody,
  merchantScopeOf,
  parseInput,
  RequireRole,
  withCappedTotal,
  withTotalCount,
  type Principal,
} from '@wo/platform';
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
  async listMerchants(@Query() query: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    // A scoped token's merchants only, left out in the query so paging and the total stay right.
    return withTotalCount(response, await this.referenceData.listMerchants(parseInput(merchantListQuery, query, 'query'), merchantScopeOf(principal)));
  }

  @Post('warehouses')
  @RequireRole(...ACTION_ROLES['warehouses.create'])
  async registerWarehouse(@Body() body: unknown) {
    return answer(await this.referenceData.registerWarehouse(parseInput(warehouseBody, body)));
  }

  @Get('warehouses')
  @RequireRole(...EVERY_ROLE)
  async listWarehouses(@Query() query: unknown, @Res({ passthrough: true }) response: Response) {
    return withTotalCount(response, await this.referenceData.listWarehouses(parseInput(warehouseListQuery, query, 'query')));
  }

  @Post('warehouses/:id/locations')
  @RequireRole(...ACTION_ROLES['locations.create'])
  async addLocation(@Param('id') warehouseId: string, @Body() body: unknown) {
    return answer(await this.referenceData.addLocation(warehouseId, parseInput(locationBody, body).code));
  }

  @Post('products')
  @RequireRole(...ACTION_ROLES['products.create'])
  async registerProduct(@Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    const input = parseInput(productBody, body);
    return answer(await this.referenceData.registerProduct({ ...input, merchantId: merchantForBody(principal, input.merchantId)! }));
  }

  @Get('products')
  @RequireRole(...EVERY_ROLE)
  async listProducts(@Query() query: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    return withCappedTotal(response, await this.referenceData.listProducts(parseInput(productQuery, query, 'query'), merchantScopeOf(principal)));
  }
}
