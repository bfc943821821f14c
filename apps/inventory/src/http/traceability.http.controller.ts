import { Controller, Get, Query } from '@nestjs/common';
import { lotTraceQuery } from '@wo/contracts/rest';
import { answer, CurrentPrincipal, EVERY_ROLE, parseInput, refuse, RequireRole, seesMerchant, type Principal } from '@wo/platform';
import { LotTraceService } from '../application/lot-trace.service';

/** The lot trace: which work orders made a finished lot, or used a component lot. */
@Controller('traceability')
export class TraceabilityHttpController {
  constructor(private readonly traces: LotTraceService) {}

  @Get('lots')
  @RequireRole(...EVERY_ROLE)
  async traceLot(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const input = parseInput(lotTraceQuery, query, 'query');
    // Another merchant's lot answers as an unknown one would: 404, telling nothing of it.
    if (!seesMerchant(principal, input.merchantId)) return answer(refuse.notFound('Lot', `${input.sku}/${input.lot}`));
    return answer(await this.traces.trace(input));
  }
}
