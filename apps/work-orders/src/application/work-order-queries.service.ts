import { Injectable } from '@nestjs/common';
import { escapeLikePattern } from '@wo/database';
import type { InboundLine, WorkOrderFilter, WorkOrderListQuery } from '@wo/contracts/rest';
import { isRefusal, refuse } from '@wo/platform';
import { allowedActions, blockedActions } from '../domain/work-order-lifecycle';
import { priorityOf, rankOf } from '../domain/work-order-priority';
import { workOrderStatuses, type WorkOrderStatus } from '../domain/work-order-status';
import type { Prisma } from '../generated/prisma/client';
import { WorkOrdersDatabase } from '../persistence/work-orders-database';
import { queuePlacesOf } from './reallocation-queue.service';
import { ReferenceCheck } from './reference-check';
import { WorkOrderNumbers } from './work-order-numbers';
import { stateOf } from './work-order-transitions';

/** What operators read: the filtered list, one order in full, a number to suggest. */
@Injectable()
export class WorkOrderQueries {
  constructor(
    private readonly db: WorkOrdersDatabase,
    private readonly numbers: WorkOrderNumbers,
    private readonly references: ReferenceCheck,
  ) {}

  /** `merchantScope`: the merchants a scoped caller serves (undefined: every merchant). */
  async list(filter: WorkOrderListQuery, merchantScope?: readonly string[]) {
    const where: Prisma.WorkOrderWhereInput = { AND: [filter.status.length ? { status: { in: filter.status } } : {}, whereOf(filter, merchantScope)] };
    const direction: Prisma.SortOrder = filter.sort === 'createdAt' || filter.sort === 'priority' ? 'asc' : 'desc';
    const byPriority = filter.sort === '-priority' || filter.sort === 'priority';
    const newest: Prisma.SortOrder = byPriority ? 'desc' : direction;
    const [total, orders] = await Promise.all([
      this.db.workOrder.count({ where }),
      this.db.workOrder.findMany({
        where,
        // Newest first unless asked otherwise (within a priority, when sorted by it); the id breaks
        // ties so pages never overlap or skip.
        orderBy: [...(byPriority ? [{ priority: direction }] : []), { createdAt: newest }, { id: newest }],
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
        priority: priorityOf(order.priority),
        createdAt: order.createdAt,
      })),
      page: filter.page,
      pageSize: filter.pageSize,
      total,
    };
  }

  /** How many orders of each status the filters match: every status, 0 where there is none. */
  async statusCounts(filter: WorkOrderFilter, merchantScope?: readonly string[]) {
    const groups = await this.db.workOrder.groupBy({ by: ['status'], where: whereOf(filter, merchantScope), _count: { _all: true } });
    const counts = Object.fromEntries(workOrderStatuses.map((status) => [status, 0])) as Record<WorkOrderStatus, number>;
    for (const group of groups) counts[group.status as WorkOrderStatus] = group._count._all;
    return { counts };
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
    if (!order) return refuse.notFound('Work order', id);
    const state = stateOf(order, pickingSummary(order.pickingLists));
    const lines = (kind: string) => order.lines.filter((line) => line.kind === kind).map(({ id: lineId, sku, quantity }) => ({ id: lineId, sku, quantity }));
    return {
      id: order.id,
      number: order.number,
      name: order.name,
      merchantId: order.merchantId,
      warehouseId: order.warehouseId,
      scheduledAt: order.scheduledAt,
      priority: priorityOf(order.priority),
      autoRetry: order.autoRetry,
      status: order.status,
      pendingAction: order.pendingAction,
      allowedActions: allowedActions(state),
      blockedActions: blockedActions(state),
      bom: order.bomId ? { bomId: order.bomId, sets: order.bomSets } : null,
      outputs: lines('OUTPUT'),
      materials: lines('MATERIAL'),
      shortages: order.shortages,
      queuePlaces: order.status === 'OUT_OF_STOCK' ? await queuePlacesOf(this.db, { ...order, shortages: order.shortages as { sku: string }[] }) : [],
      reservations: order.reservations.map(({ reservationId, lineId, sku, quantity, allocations }) => ({ reservationId, lineId, sku, quantity, allocations })),
      pickingLists: order.pickingLists.map(({ listId, status, picker, updatedAt }) => ({ id: listId, status, picker, updatedAt })),
      inboundOrder: order.inboundOrderId ? { id: order.inboundOrderId, status: order.inboundStatus, lines: inboundLinesOf(order.inboundLines) } : null,
      history: order.history.map(({ event, detail, at }) => ({ event, detail, at })),
      createdAt: order.createdAt,
      updatedAt: order.updatedAt,
    };
  }

  /** What a 202 answers: where the order stands now; read the detail until pendingAction is null. */
  async suggestNumber(warehouseId: string) {
    const warehouse = await this.references.requireWarehouse(warehouseId);
    if (isRefusal(warehouse)) return warehouse;
    return { number: await this.numbers.suggest(warehouse) };
  }
}

function pickingSummary(lists: { status: string }[]): 'none' | 'open' | 'done' {
  const live = lists.filter((list) => list.status !== 'CANCELED');
  if (live.length === 0) return 'none';
  return live.every((list) => list.status === 'DONE') ? 'done' : 'open';
}

/** The filters as a Prisma condition; search terms match literally (no LIKE wildcards), any case. */
function whereOf(filter: WorkOrderFilter, merchantScope: readonly string[] | undefined): Prisma.WorkOrderWhereInput {
  const containing = (term: string) => ({ contains: escapeLikePattern(term), mode: 'insensitive' as const });
  return {
    AND: [
      merchantScope ? { merchantId: { in: [...merchantScope] } } : {},
      filter.merchantId.length ? { merchantId: { in: filter.merchantId } } : {},
      filter.warehouseId.length ? { warehouseId: { in: filter.warehouseId } } : {},
      // Several search terms: an order matches if its number or name contains any of them.
      filter.q.length ? { OR: filter.q.flatMap((term) => [{ number: containing(term) }, { name: containing(term) }]) } : {},
      filter.inputSku.length ? { lines: { some: { kind: 'MATERIAL', sku: { in: filter.inputSku } } } } : {},
      filter.outputSku.length ? { lines: { some: { kind: 'OUTPUT', sku: { in: filter.outputSku } } } } : {},
      filter.priority.length ? { priority: { in: filter.priority.map(rankOf) } } : {},
    ],
  };
}

/** The inbound lines as inbound last announced them; those announced before lots have none. */
function inboundLinesOf(lines: unknown): InboundLine[] {
  return (lines as (Omit<InboundLine, 'lot' | 'expiresOn'> & Partial<Pick<InboundLine, 'lot' | 'expiresOn'>>)[]).map((line) => ({
    ...line,
    lot: line.lot ?? null,
    expiresOn: line.expiresOn ?? null,
  }));
}
