import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { parseInput } from '@wo/platform';
import { z } from 'zod';
import { WorkOrderCommands } from '../application/work-order-commands.service';
import { WorkOrderQueries } from '../application/work-order-queries.service';
import { workOrderStatuses } from '../domain/work-order-status';
import { linesSchema } from './line-input';

const name = z.string().trim().min(1).max(200);
const scheduledAt = z.iso.datetime({ offset: true }).nullable();

const createBody = z
  .object({
    merchantId: z.string().min(1).optional(),
    warehouseId: z.string().min(1),
    name,
    number: z.string().trim().min(1).max(64).optional(),
    scheduledAt: scheduledAt.optional(),
    outputs: linesSchema.optional(),
    materials: linesSchema.optional(),
    bom: z.object({ bomId: z.string().min(1), sets: z.number().int().positive().max(100_000) }).optional(),
  })
  .superRefine((body, context) => {
    if (body.bom && (body.outputs || body.materials)) {
      context.addIssue({ code: 'custom', path: ['bom'], message: 'give either bom or outputs and materials, not both' });
    }
    if (!body.bom) {
      if (!body.outputs) context.addIssue({ code: 'custom', path: ['outputs'], message: 'required (or give bom)' });
      if (!body.materials) context.addIssue({ code: 'custom', path: ['materials'], message: 'required (or give bom)' });
    }
  });

const updateBody = z
  .object({ name: name.optional(), scheduledAt: scheduledAt.optional(), outputs: linesSchema.optional(), materials: linesSchema.optional() })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');

/** Repeatable query parameters arrive as a string or an array of strings. */
const many = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));

const listQuery = z.object({
  status: many(z.enum(workOrderStatuses)),
  merchantId: many(z.string().min(1)),
  warehouseId: many(z.string().min(1)),
  q: many(z.string().trim().min(1)),
  inputSku: many(z.string().min(1)),
  outputSku: many(z.string().min(1)),
  page: z.coerce.number().int().positive().default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

const suggestionQuery = z.object({ warehouseId: z.string().min(1) });

/** Work orders over HTTP. Long actions answer 202: read the order until pendingAction is null. */
@Controller('work-orders')
export class WorkOrdersHttpController {
  constructor(
    private readonly commands: WorkOrderCommands,
    private readonly queries: WorkOrderQueries,
  ) {}

  @Get('number-suggestion')
  suggestNumber(@Query() query: unknown) {
    return this.queries.suggestNumber(parseInput(suggestionQuery, query, 'query').warehouseId);
  }

  @Post()
  async create(@Body() body: unknown) {
    const input = parseInput(createBody, body);
    const { bom, outputs, materials, ...rest } = input;
    const { id } = await this.commands.create({ ...rest, lines: bom ? bom : { outputs: outputs!, materials: materials! } });
    return this.queries.detail(id);
  }

  @Get()
  list(@Query() query: unknown) {
    return this.queries.list(parseInput(listQuery, query, 'query'));
  }

  @Get(':id')
  detail(@Param('id') id: string) {
    return this.queries.detail(id);
  }

  @Patch(':id')
  async update(@Param('id') id: string, @Body() body: unknown) {
    await this.commands.update(id, parseInput(updateBody, body));
    return this.queries.detail(id);
  }

  @Post(':id/confirm')
  @HttpCode(202)
  confirm(@Param('id') id: string) {
    return this.commands.confirm(id);
  }

  @Post(':id/retry-allocation')
  @HttpCode(202)
  retryAllocation(@Param('id') id: string) {
    return this.commands.retryAllocation(id);
  }

  @Post(':id/picking-lists')
  @HttpCode(202)
  createPickingList(@Param('id') id: string) {
    return this.commands.createPickingList(id);
  }

  @Post(':id/complete')
  @HttpCode(202)
  complete(@Param('id') id: string) {
    return this.commands.complete(id);
  }

  @Post(':id/cancel')
  @HttpCode(202)
  cancel(@Param('id') id: string) {
    return this.commands.cancel(id);
  }
}
