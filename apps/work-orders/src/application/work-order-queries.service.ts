import { Injectable } from '@nestjs/common';
import { notFound } from '@wo/platform';
import { allowedActions } from '../domain/work-order-lifecycle';
import type { Prisma } from '../generated/prisma/client';
import { WorkOrdersDatabase } from '../persistence/work-orders-database';
import { ReferenceCheck } from './reference-check';
import { WorkOrderNumbers } from './work-order-numbers';
import { stateOf } from './work-order-transitions';

export interface WorkOrderListFilter {
  status: string[];
  merchantId: string[];
  warehouseId: string[];
  q: string[];
  inputSku: string[];
  outputSku: string[];
  page: number;
  pageSize: number;
}

/** What operators read: the filtered list, one order in full, a number to suggest. */
@Injectable()
export class WorkOrderQueries {
  constructor(
    private readonly db: WorkOrdersDatabase,
    private readonly numbers: WorkOrderNumbers,
    private readonly references: ReferenceCheck,
  ) {}

  async list(filter: WorkOrderListFilter) {
    const where: Prisma.WorkOrderWhereInput = {
      AND: [
        filter.status.length ? { status: { in: filter.status } } : {},
        filter.merchantId.length ? { merchantId: { in: filter.merchantId } } : {},
        filter.warehouseId.length ? { warehouseId: { in: filter.warehouseId } } : {},
        // Several search terms: an order matches if its number or name contains any of them.
        filter.q.length
          ? { OR: filter.q.flatMap((term) => [{ number: { contains: term, mode: 'insensitive' as const } }, { name: { contains: term, mode: 'insensitive' as const } }]) }
          : {},
        filter.inputSku.length ? { lines: { some: { kind: 'MATERIAL', sku: { in: filter.inputSku } } } } : {},
        filter.outputSku.length ? { lines: { some: { kind: 'OUTPUT', sku: { in: filter.outputSku } } } } : {},
      ],
    };
    const [total, orders] = await Promise.all([
      this.db.workOrder.count({ where }),
      this.db.workOrder.findMany({
        where,
        // Newest first; the id breaks ties so pages never overlap or skip.
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        skip: (filter.page - 1) * filter.pageSize,
        take: filter.pageSize,
      }),
    ]);
    return {
      items: orders.map((order) => ({
        id: order.id,
        status: order.status,
        pendingAction: order.pendingAction,
        name: order.name,
        number: order.number,
        merchantId: order.merchantId,
        warehouseId: order.warehouseId,
        scheduledAt: order.scheduledAt,
        createdAt: order.createdAt,
      })),
      page: filter.page,
      pageSize: filter.pageSize,
      total,
    };
  }

  async detail(id: string) {
    const order = await this.db.workOrder.findUnique({
      where: { id },
      include: {
        lines: { orderBy: [{ kind: 'asc' }, { position: 'asc' }] },
        reservations: { where: { status: 'HELD' }, orderBy: { sku: 'asc' } },
        history: { orderBy: { id: 'asc' } },
        pickingLists: { orderBy: { updatedAt: 'asc' } },
      },
    });
    if (!order) throw notFound('Work order', id);
    const lines = (kind: string) => order.lines.filter((line) => line.kind === kind).map(({ id: lineId, sku, quantity }) => ({ id: lineId, sku, quantity }));
    return {
      id: order.id,
      number: order.number,
      name: order.name,
      merchantId: order.merchantId,
      warehouseId: order.warehouseId,
      scheduledAt: order.scheduledAt,
      status: order.status,
      pendingAction: order.pendingAction,
      allowedActions: allowedActions(stateOf(order, pickingSummary(order.pickingLists))),
      bom: order.bomId ? { bomId: order.bomId, sets: order.bomSets } : null,
      outputs: lines('OUTPUT'),
      materials: lines('MATERIAL'),
      shortages: order.shortages,
      reservations: order.reservations.map(({ reservationId, lineId, sku, quantity, allocations }) => ({ reservationId, lineId, sku, quantity, allocations })),
      pickingLists: order.pickingLists.map(({ listId, status, picker, updatedAt }) => ({ id: listId, status, picker, updatedAt })),
      inboundOrder: order.inboundOrderId ? { id: order.inboundOrderId, status: order.inboundStatus, lines: order.inboundLines } : null,
      history: order.history.map(({ event, detail, at }) => ({ event, detail, at })),
      createdAt: order.createdAt,
      updatedAt: order.updatedAt,
    };
  }

  /** What a 202 answers: where the order stands now; read the detail until pendingAction is null. */
  async suggestNumber(warehouseId: string) {
    const warehouse = await this.references.requireWarehouse(warehouseId);
    return { number: await this.numbers.suggest(warehouse) };
  }
}

function pickingSummary(lists: { status: string }[]): 'none' | 'open' | 'done' {
  const live = lists.filter((list) => list.status !== 'CANCELED');
  if (live.length === 0) return 'none';
  return live.every((list) => list.status === 'DONE') ? 'done' : 'open';
}
