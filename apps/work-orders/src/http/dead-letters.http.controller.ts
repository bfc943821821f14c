import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ACTION_ROLES, deadLetterIdParam, deadLetterListQuery } from '@wo/contracts/rest';
import { actorOf, conflict, CurrentPrincipal, notFound, parseInput, RequireRole, ServesEveryMerchant, type Principal } from '@wo/platform';
import { DeadLetters } from '../dead-letters/dead-letters.service';

/** The SRE's view of dead letters (every service's): counts per topic, one dead letter, and a replay once the cause is fixed. */
@ServesEveryMerchant()
@Controller('dead-letters')
export class DeadLettersHttpController {
  constructor(private readonly deadLetters: DeadLetters) {}

  @Get()
  @RequireRole(...ACTION_ROLES['deadLetters.read'])
  async list(@Query() query: unknown, @Res({ passthrough: true }) response: Response) {
    const { counts, page } = await this.deadLetters.list(parseInput(deadLetterListQuery, query, 'query'));
    response.setHeader('X-Total-Count', String(page.total));
    return { counts, items: page.items };
  }

  @Get(':id')
  @RequireRole(...ACTION_ROLES['deadLetters.read'])
  async get(@Param() params: unknown) {
    const { id } = parseInput(deadLetterIdParam, params);
    const letter = await this.deadLetters.get(id);
    if (!letter) throw notFound('Dead letter', id);
    return letter;
  }

  @Post(':id/replay')
  @HttpCode(200)
  @RequireRole(...ACTION_ROLES['deadLetters.replay'])
  async replay(@Param() params: unknown, @CurrentPrincipal() principal: Principal) {
    const { id } = parseInput(deadLetterIdParam, params);
    const result = await this.deadLetters.replay(id, actorOf(principal));
    if (result === 'unknown') throw notFound('Dead letter', id);
    if (result === 'already-replayed') throw conflict('the dead letter was already replayed', { deadLetterStatus: 'REPLAYED' });
    return result;
  }
}
