import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ACTION_ROLES, sagaListQuery } from '@wo/contracts/rest';
import { conflict, notFound, parseInput, RequireRole, ServesEveryMerchant, skipTake } from '@wo/platform';
import { SagaRunner } from '../application/saga-runner.service';
import { WorkOrdersDatabase } from '../persistence/work-orders-database';

/** The SRE's view of the sagas: by state, one saga's step history, and a retry for a stuck one. */
@ServesEveryMerchant()
@Controller('sagas')
export class SagasHttpController {
  constructor(
    private readonly db: WorkOrdersDatabase,
    private readonly sagas: SagaRunner,
  ) {}

  @Get()
  @RequireRole(...ACTION_ROLES['sagas.read'])
  async list(@Query() query: unknown, @Res({ passthrough: true }) response: Response) {
    const { limit, page, pageSize, startedFrom, startedTo, ...fields } = parseInput(sagaListQuery, query, 'query');
    const filter = {
      ...fields,
      ...((startedFrom || startedTo) && { createdAt: { ...(startedFrom && { gte: startedFrom }), ...(startedTo && { lte: startedTo }) } }),
    };
    const [counts, items, total] = await Promise.all([
      this.db.sagaInstance.groupBy({ by: ['state'], _count: { _all: true } }),
      this.db.sagaInstance.findMany({
        where: filter,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        ...skipTake({ page, pageSize: limit ?? pageSize }),
        omit: { data: true },
      }),
      this.db.sagaInstance.count({ where: filter }),
    ]);
    response.setHeader('X-Total-Count', String(total));
    return { counts: Object.fromEntries(counts.map((row) => [row.state, row._count._all])), items };
  }

  @Get(':id')
  @RequireRole(...ACTION_ROLES['sagas.read'])
  async get(@Param('id') id: string) {
    // One snapshot: the steps are read in a query of their own, and must be those of the state shown.
    const saga = await this.db.$transaction((tx) => tx.sagaInstance.findUnique({ where: { id }, include: { steps: { orderBy: { id: 'asc' } } } }), {
      isolationLevel: 'RepeatableRead',
    });
    if (!saga) throw notFound('Saga', id);
    return { ...saga, steps: saga.steps.map(({ event, detail, at }) => ({ event, detail, at })) };
  }

  @Post(':id/retry')
  @HttpCode(202)
  @RequireRole(...ACTION_ROLES['sagas.retry'])
  async retry(@Param('id') id: string) {
    const result = await this.sagas.retry(id);
    if (result === 'unknown') throw notFound('Saga', id);
    if (result === 'finished') throw conflict('the saga has finished; there is nothing to retry', { sagaState: 'FINISHED' });
    return this.get(id);
  }
}
