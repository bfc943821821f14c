import { Injectable } from '@nestjs/common';
import { escapeLikePattern } from '@wo/database';
import { TOTAL_COUNT_CAP, type InboundLine, type WorkOrderSort, type WorkOrderFilter, type WorkOrderListQuery } from '@wo/contracts/rest';
import { cappedTotal, decodeCursor, encodeCursor, isRefusal, refuse, requireOnePagingMode } from '@wo/platform';
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

  /**
   * A page of the list, by number (`page`) or after a cursor (`after`): keyset paging on the
   * list's stable order, so a page deep in a year of orders costs what the first one does. The
   * total is exact up to TOTAL_COUNT_CAP and capped past it (an exact count of a million rows is a
   * scan of them on every page). `merchantScope`: the merchants a scoped caller serves (undefined: every merchant).
   */
  async list(filter: WorkOrderListQuery, merchantScope?: readonly string[]) {
    requireOnePagingMode(filter);
    const where: Prisma.WorkOrderWhereInput = { AND: [filter.status.length ? { status: { in: filter.status } } : {}, whereOf(filter, merchantScope)] };
    const direction: Prisma.SortOrder = filter.sort === 'createdAt' || filter.sort === 'priority' ? 'asc' : 'desc';
    const byPriority = filter.sort === '-priority' || filter.sort === 'priority';
    const newest: Prisma.SortOrder = byPriority ? 'desc' : direction;
    // The sort key, most significant first; the id breaks ties so pages never overlap or skip.
    const keys: SortKey[] = [
      ...(byPriority ? [{ field: 'priority', order: direction } as const] : []),
      { field: 'createdAt', order: newest },
      { field: 'id', order: newest },
    ];
    const after = filter.after === undefined ? undefined : cursorKey(filter.after, keys, filter.sort);
    const [counted, orders] = await Promise.all([
      this.countUpToCap(filter, merchantScope),
      this.db.workOrder.findMany({
        where: after ? { AND: [where, after] } : where,
        orderBy: keys.map(({ field, order }) => ({ [field]: order })),
        skip: after ? 0 : (filter.page - 1) * filter.pageSize,
        // One more than the page: whether there is a next page, without counting.
        take: filter.pageSize + 1,
      }),
    ]);
    const page = orders.slice(0, filter.pageSize);
    const last = page.at(-1);
    return {
      items: page.map((order) => ({
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
      ...cappedTotal(counted),
      nextCursor:
        orders.length > filter.pageSize && last
          ? encodeCursor(
              filter.sort,
              keys.map(({ field }) => cursorValue(last[field])),
            )
          : null,
    };
  }

  /**
   * How many orders of each status the filters match: every status, 0 where there is none; each
   * counted up to TOTAL_COUNT_CAP (the statuses past it are in `capped`), one index range a status.
   */
  async statusCounts(filter: WorkOrderFilter, merchantScope?: readonly string[]) {
    const counted = await Promise.all(
      workOrderStatuses.map(async (status) => [status, await this.countUpToCap({ ...filter, status: [status] }, merchantScope)] as const),
    );
    const counts = Object.fromEntries(counted.map(([status, n]) => [status, Math.min(n, TOTAL_COUNT_CAP)])) as Record<WorkOrderStatus, number>;
    return { counts, capped: counted.filter(([, n]) => n > TOTAL_COUNT_CAP).map(([status]) => status) };
  }

  /**
   * How many orders the filters match, up to TOTAL_COUNT_CAP + 1. In SQL of its own: Prisma's
   * count with `take` reads the matching ids into this process, 10,001 of them at the cap (20-30 ms
   * a count at a year's volume, against 2 ms for the count in Postgres). The same conditions as
   * whereOf, which the list's e2e tests hold to the same totals.
   */
  private async countUpToCap(filter: WorkOrderFilter & { status: readonly string[] }, merchantScope: readonly string[] | undefined): Promise<number> {
    const parameters: unknown[] = [];
    const parameter = (value: unknown) => {
      parameters.push(value);
      return `$${parameters.length}`;
    };
    const lines = (kind: string, skus: readonly string[]) =>
      `EXISTS (SELECT 1 FROM work_order_line l WHERE l.work_order_id = w.id AND l.kind = '${kind}' AND l.sku = ANY(${parameter(skus)}::text[]))`;
    const search = (term: string) => {
      const pattern = parameter(`%${escapeLikePattern(term)}%`);
      return `w.number ILIKE ${pattern} OR w.name ILIKE ${pattern}`;
    };
    const conditions = [
      filter.status.length ? `w.status = ANY(${parameter(filter.status)}::text[])` : null,
      merchantScope ? `w.merchant_id = ANY(${parameter([...merchantScope])}::text[])` : null,
      filter.merchantId.length ? `w.merchant_id = ANY(${parameter(filter.merchantId)}::text[])` : null,
      filter.warehouseId.length ? `w.warehouse_id = ANY(${parameter(filter.warehouseId)}::text[])` : null,
      filter.q.length ? `(${filter.q.map(search).join(' OR ')})` : null,
      filter.inputSku.length ? lines('MATERIAL', filter.inputSku) : null,
      filter.outputSku.length ? lines('OUTPUT', filter.outputSku) : null,
      filter.priority.length ? `w.priority = ANY(${parameter(filter.priority.map(rankOf))}::int[])` : null,
    ].filter((condition) => condition !== null);
    const [row] = await this.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM work_order w WHERE ${conditions.length ? conditions.join(' AND ') : 'true'} LIMIT ${TOTAL_COUNT_CAP + 1}) AS matching`,
      ...parameters,
    );
    return row!.n;
  }

  /**
   * One snapshot (a repeatable-read transaction): Prisma reads the order and each of its included
   * children in queries of their own, and a Complete committing between them would show a
   * Processing order with no reservations left and a history that says Completed.
   */
  async detail(id: string) {
    const order = await this.db.$transaction(
      (tx) =>
        tx.workOrder.findUnique({
          where: { id },
          include: {
            lines: { orderBy: [{ kind: 'asc' }, { position: 'asc' }] },
            reservations: { where: { status: 'HELD' }, orderBy: { sku: 'asc' } },
            history: { orderBy: { id: 'asc' } },
            pickingLists: { orderBy: { updatedAt: 'asc' } },
          },
        }),
      { isolationLevel: 'RepeatableRead' },
    );
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

type SortKey = { readonly field: 'priority' | 'createdAt' | 'id'; readonly order: Prisma.SortOrder };

function cursorValue(value: number | Date | string): string | number {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * The rows after a cursor in the sort's order, as a condition: (k1, k2, k3) after (v1, v2, v3).
 * The first key's bound stands alone too (`createdAt <= v`), so the planner reads it as a range of
 * an index ((created_at), (merchant_id, created_at), (status, created_at), ...) instead of
 * filtering every row it passes.
 */
function cursorKey(after: string, keys: readonly SortKey[], sort: WorkOrderSort): Prisma.WorkOrderWhereInput {
  // The sort is the cursor's tag: a cursor of another sort (or list) is refused, not misread.
  const values = decodeCursor(
    after,
    sort,
    keys.map(({ field }) => (field === 'priority' ? 'number' : field === 'createdAt' ? 'date' : 'string')),
  );
  const value = (index: number) => (keys[index]!.field === 'createdAt' ? new Date(values[index] as string) : values[index]!);
  const beyond = (index: number) => ({ [keys[index]!.field]: { [keys[index]!.order === 'desc' ? 'lt' : 'gt']: value(index) } });
  const alternatives = keys.map((_, index) => ({ AND: [...keys.slice(0, index).map((key, before) => ({ [key.field]: value(before) })), beyond(index)] }));
  return { AND: [{ [keys[0]!.field]: { [keys[0]!.order === 'desc' ? 'lte' : 'gte']: value(0) } }, { OR: alternatives }] };
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
