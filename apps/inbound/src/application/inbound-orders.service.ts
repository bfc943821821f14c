import { Injectable } from '@nestjs/common';
import { lockRowById } from '@wo/database';
import type { EnvelopeOf } from '@wo/contracts/envelope';
import { FinishedGoodsInboundCreated, InboundOrderProgressed, type CreateFinishedGoodsInbound } from '@wo/contracts/inbound';
import { PutAwayStock, stockKey, type LocationAdded, type WarehouseRegistered } from '@wo/contracts/inventory';
import { appendToOutbox, applyOnce } from '@wo/messaging';
import { invalidInput, notFound, skipTake, type FieldError, type PageRequest } from '@wo/platform';
import { randomUUID } from 'node:crypto';
import { putAway, receive, statusOf, type InboundLine, type InboundStatus, type LineError } from '../domain/inbound-order';
import type { InboundOrder, InboundOrderLine } from '../generated/prisma/client';
import { InboundDatabase, type InboundTransaction } from '../persistence/inbound-database';

type OrderWithLines = InboundOrder & { lines: InboundOrderLine[] };

/**
 * Inbound orders: created once per completed work order, received (partially if need be, never
 * beyond what is expected), and put away to locations, which tells inventory to raise onHand.
 */
@Injectable()
export class InboundOrders {
  constructor(private readonly db: InboundDatabase) {}

  /** Idempotent by work order: a duplicate or re-sent command answers with the same inbound order. */
  createForWorkOrder(command: EnvelopeOf<typeof CreateFinishedGoodsInbound>) {
    return applyOnce(this.db, command, async (tx) => {
      const { workOrderId, workOrderNumber, warehouseId, merchantId, lines } = command.payload;
      let order = await tx.inboundOrder.findUnique({ where: { sourceId: workOrderId }, include: { lines: true } });
      if (!order) {
        order = await tx.inboundOrder.create({
          data: {
            id: randomUUID(),
            source: 'WORK_ORDER',
            sourceId: workOrderId,
            sourceReference: workOrderNumber,
            warehouseId,
            merchantId,
            status: 'PENDING',
            lines: { create: lines.map((line) => ({ sku: line.sku, expected: line.quantity })) },
          },
          include: { lines: true },
        });
        await appendToOutbox(tx, [progressEvent(order, command.correlationId)]);
      }
      await appendToOutbox(tx, [
        FinishedGoodsInboundCreated.outgoing(
          { inboundOrderId: order.id, workOrderId },
          { correlationId: command.correlationId, causationId: command.id, key: command.correlationId },
        ),
      ]);
      return 'applied';
    });
  }

  receive(id: string, items: { sku: string; quantity: number }[]) {
    return this.change(id, async (tx, order) => {
      const result = receive(order.lines.map(toLine), items);
      if ('errors' in result) throw invalidInput(fieldErrors(result.errors), 'The receipt does not match the inbound order.');
      await saveLines(tx, order.id, result.lines);
      return result.lines;
    });
  }

  putAway(id: string, items: { sku: string; quantity: number; locationCode: string }[]) {
    return this.change(id, async (tx, order) => {
      const unknownLocations = await this.unknownLocations(tx, order.warehouseId, items);
      const result = putAway(order.lines.map(toLine), items);
      const errors = [...unknownLocations, ...('errors' in result ? result.errors : [])];
      if (errors.length > 0 || 'errors' in result) throw invalidInput(fieldErrors(errors), 'The putaway does not match the inbound order.');
      await saveLines(tx, order.id, result.lines);
      for (const item of items) {
        const putawayId = randomUUID();
        await tx.inboundPutaway.create({ data: { id: putawayId, inboundOrderId: order.id, ...item } });
        await appendToOutbox(tx, [
          PutAwayStock.outgoing(
            { putawayId, inboundOrderId: order.id, warehouseId: order.warehouseId, merchantId: order.merchantId, ...item },
            { correlationId: order.id, key: stockKey(order.warehouseId, item.sku) },
          ),
        ]);
      }
      return result.lines;
    });
  }

  async get(id: string) {
    const order = await this.db.inboundOrder.findUnique({
      where: { id },
      include: { lines: { orderBy: { sku: 'asc' } }, putaways: { orderBy: { createdAt: 'asc' } } },
    });
    if (!order) throw notFound('Inbound order', id);
    return present(order);
  }

  /** Newest first, then by id. */
  async list(filter: { workOrderId?: string; status?: string; warehouseId?: string } & PageRequest) {
    const where = {
      ...(filter.workOrderId && { source: 'WORK_ORDER', sourceId: filter.workOrderId }),
      ...(filter.status && { status: filter.status }),
      ...(filter.warehouseId && { warehouseId: filter.warehouseId }),
    };
    const [orders, total] = await Promise.all([
      this.db.inboundOrder.findMany({
        where,
        include: { lines: { orderBy: { sku: 'asc' } }, putaways: { orderBy: { createdAt: 'asc' } } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        ...skipTake(filter),
      }),
      this.db.inboundOrder.count({ where }),
    ]);
    return { items: orders.map(present), total };
  }

  warehouseRegistered(event: EnvelopeOf<typeof WarehouseRegistered>) {
    return applyOnce(this.db, event, (tx) =>
      tx.knownLocation.createMany({ data: event.payload.locations.map((code) => ({ warehouseId: event.payload.warehouseId, code })), skipDuplicates: true }),
    );
  }

  locationAdded(event: EnvelopeOf<typeof LocationAdded>) {
    return applyOnce(this.db, event, (tx) =>
      tx.knownLocation.createMany({ data: [{ warehouseId: event.payload.warehouseId, code: event.payload.code }], skipDuplicates: true }),
    );
  }

  private async change(id: string, apply: (tx: InboundTransaction, order: OrderWithLines) => Promise<InboundLine[]>) {
    await this.db.$transaction(async (tx) => {
      if (!(await lockRowById(tx, 'inbound_order', id))) throw notFound('Inbound order', id);
      const order = await tx.inboundOrder.findUniqueOrThrow({ where: { id }, include: { lines: true } });
      const lines = await apply(tx, order);
      const status = statusOf(lines);
      const updated = await tx.inboundOrder.update({ where: { id }, data: { status, updatedAt: new Date() }, include: { lines: true } });
      await appendToOutbox(tx, [progressEvent(updated, id)]);
    });
    return this.get(id);
  }

  private async unknownLocations(tx: InboundTransaction, warehouseId: string, items: { locationCode: string }[]): Promise<LineError[]> {
    const known = new Set((await tx.knownLocation.findMany({ where: { warehouseId } })).map((location) => location.code));
    return items.flatMap((item, index) =>
      known.has(item.locationCode) ? [] : [{ index, field: 'locationCode' as const, message: `no location ${item.locationCode} in this warehouse` }],
    );
  }
}

function toLine(line: InboundOrderLine): InboundLine {
  return { sku: line.sku, expected: line.expected, received: line.received, putAway: line.putAway };
}

async function saveLines(tx: InboundTransaction, inboundOrderId: string, lines: InboundLine[]): Promise<void> {
  for (const line of lines) {
    await tx.inboundOrderLine.update({
      where: { inboundOrderId_sku: { inboundOrderId, sku: line.sku } },
      data: { received: line.received, putAway: line.putAway },
    });
  }
}

function fieldErrors(errors: LineError[]): FieldError[] {
  return errors.map((error) => ({ field: `lines[${error.index}].${error.field}`, message: error.message }));
}

function progressEvent(order: OrderWithLines, correlationId: string) {
  return InboundOrderProgressed.outgoing(
    {
      inboundOrderId: order.id,
      workOrderId: order.source === 'WORK_ORDER' ? order.sourceId : null,
      status: order.status as InboundStatus,
      lines: order.lines.map(toLine),
    },
    { correlationId, key: order.id },
  );
}

function present(order: OrderWithLines & { putaways: { sku: string; locationCode: string; quantity: number; createdAt: Date }[] }) {
  return {
    id: order.id,
    source: order.source,
    workOrderId: order.source === 'WORK_ORDER' ? order.sourceId : null,
    reference: order.sourceReference,
    warehouseId: order.warehouseId,
    merchantId: order.merchantId,
    status: order.status,
    lines: order.lines.map(toLine),
    putaways: order.putaways.map(({ sku, locationCode, quantity, createdAt }) => ({ sku, locationCode, quantity, at: createdAt })),
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}
