import { Injectable } from '@nestjs/common';
import { GroupCommit, SqlDatabase } from '@wo/database';
import { CreatePickingList } from '@wo/contracts/picking';
import { MAX_STORED_QUANTITY, WorkOrderPriority } from '@wo/contracts/rest';
import { WorkOrderCreated, type Actor } from '@wo/contracts/work-orders';
import { appendToOutbox, type TransactionalDatabase } from '@wo/messaging';
import { activeTraceparent, groupCommitMetrics, withTraceparent } from '@wo/observability';
import { isRefusal, refusableTransaction, refuse, type Refusal } from '@wo/platform';
import { randomUUID } from 'node:crypto';
import { decide, type ActionRefused, type LifecycleState, type OperatorAction } from '../domain/work-order-lifecycle';
import { priorityOf, rankOf } from '../domain/work-order-priority';
import { WorkOrderStatus } from '../domain/work-order-status';
import type { WorkOrder } from '../generated/prisma/client';
import { heldReservationsOf, linesOf, linesOfMany, WorkOrdersDatabase, type LockedWorkOrder, type SqlTransaction } from '../persistence/work-orders-database';
import { ReferenceCheck, type LineInput } from './reference-check';
import { publicEvents } from '../domain/work-order-events';
import { allocationSaga } from '../saga/allocation-saga';
import { completionSaga } from '../saga/completion-saga';
import { releaseSaga } from '../saga/release-saga';
import { SagaRunner } from './saga-runner.service';
import { WorkOrderNumbers } from './work-order-numbers';
import { heldReservations } from './held-reservations';
import { pickingListIdsOf, pickingOf, stateOf, WorkOrderTransitions } from './work-order-transitions';

export interface WorkOrderLinesInput {
  outputs: LineInput[];
  materials: LineInput[];
}

export interface CreateWorkOrderInput {
  merchantId?: string;
  warehouseId: string;
  name: string;
  number?: string;
  scheduledAt?: string | null;
  priority?: WorkOrderPriority;
  autoRetry?: boolean;
  lines: WorkOrderLinesInput | { bomId: string; sets: number };
}

/** What made the re-allocation queue retry an order: stock of this SKU became available, for this cause. */
export interface AutomaticRetryTrigger {
  readonly sku: string;
  readonly cause: string;
}

/** Who the history and the events name for an automatic retry. */
export const automaticRetryActor: Actor = { subject: 'system', name: 'Automatic re-allocation' };

/** What a long action answers (202): the order as the action left it; read it until pendingAction is null. */
export interface WorkOrderSummary {
  id: string;
  number: string;
  status: string;
  pendingAction: string | null;
  updatedAt: Date;
  links: { self: string };
}

export interface UpdateWorkOrderInput {
  name?: string;
  scheduledAt?: string | null;
  priority?: WorkOrderPriority;
  autoRetry?: boolean;
  outputs?: LineInput[];
  materials?: LineInput[];
}

/** A Confirm or Retry Allocation waiting for its group commit. */
interface AllocationRequest {
  readonly id: string;
  readonly action: 'confirm' | 'retryAllocation';
  readonly actor: Actor;
  /** The request's own trace: its batch runs in the context of whichever request began it. */
  readonly traceparent: string | undefined;
}

/** What operators do to work orders. Each action is one transaction; sagas continue it. */
@Injectable()
export class WorkOrderCommands {
  /** Confirms and retries that arrive together share a transaction (see `startAllocations`). */
  private readonly allocationStarts = new GroupCommit((requests: readonly AllocationRequest[]) => this.startAllocations(requests), {
    onBatch: (size) => groupCommitMetrics.batch('allocation_start', size),
  });

  constructor(
    private readonly db: WorkOrdersDatabase,
    private readonly sql: SqlDatabase,
    private readonly references: ReferenceCheck,
    private readonly numbers: WorkOrderNumbers,
    private readonly sagas: SagaRunner,
    private readonly transitions: WorkOrderTransitions,
  ) {}

  async create(input: CreateWorkOrderInput, actor: Actor): Promise<{ id: string } | Refusal> {
    const merchantId = await this.references.resolveMerchant(input.merchantId);
    if (isRefusal(merchantId)) return merchantId;
    const warehouse = await this.references.requireWarehouse(input.warehouseId);
    if (isRefusal(warehouse)) return warehouse;
    const resolved = await this.resolveLines(merchantId, input.lines);
    if (isRefusal(resolved)) return resolved;
    const { lines, bomId, bomSets } = resolved;
    if (input.number && (await this.numbers.isTaken(this.db, warehouse.id, input.number))) {
      return refuse.invalid([{ field: 'number', message: `${input.number} is already used in this warehouse` }]);
    }
    const id = randomUUID();
    const created = await this.db
      .$transaction(async (tx) => {
        const number = input.number ?? (await this.numbers.take(tx, warehouse));
        const order = await tx.workOrder.create({
          data: {
            id,
            number,
            merchantId,
            warehouseId: warehouse.id,
            name: input.name,
            scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : null,
            priority: rankOf(input.priority ?? WorkOrderPriority.Normal),
            autoRetry: input.autoRetry ?? true,
            status: WorkOrderStatus.Draft,
            bomId,
            bomSets,
            lines: { create: orderLines(lines) },
          },
        });
        await this.transitions.record(tx, id, 'created', { ...(bomId && { bomId, sets: bomSets }), actor });
        await appendToOutbox(tx, [
          WorkOrderCreated.outgoing(
            {
              workOrderId: id,
              number,
              merchantId,
              warehouseId: warehouse.id,
              name: order.name,
              scheduledAt: order.scheduledAt?.toISOString() ?? null,
              priority: priorityOf(order.priority),
              outputs: lines.outputs,
              materials: lines.materials,
              actor,
            },
            { correlationId: id, key: id },
          ),
        ]);
      })
      .catch(refuseDuplicateNumber);
    return isRefusal(created) ? created : { id };
  }

  async update(id: string, input: UpdateWorkOrderInput, actor: Actor): Promise<Refusal | void> {
    const current = await this.db.workOrder.findUnique({ where: { id }, include: { lines: true } });
    if (!current) return refuse.notFound('Work order', id);
    if (input.outputs || input.materials) {
      const unknownSkus = await this.references.requireSkus(current.merchantId, {
        ...(input.outputs && { outputs: input.outputs }),
        ...(input.materials && { materials: input.materials }),
      });
      if (unknownSkus) return unknownSkus;
    }
    // Edit rewrites lines through Prisma; the other actions run in plain SQL transactions.
    const edited = await this.actIn(this.db, id, 'edit', async (tx, order, outcome) => {
      await tx.workOrder.update({
        where: { id },
        data: {
          ...(input.name !== undefined && { name: input.name }),
          ...(input.scheduledAt !== undefined && { scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : null }),
          ...(input.priority !== undefined && { priority: rankOf(input.priority) }),
          ...(input.autoRetry !== undefined && { autoRetry: input.autoRetry }),
          updatedAt: new Date(),
        },
      });
      for (const [kind, lines] of [
        ['OUTPUT', input.outputs],
        ['MATERIAL', input.materials],
      ] as const) {
        if (!lines) continue;
        await tx.workOrderLine.deleteMany({ where: { workOrderId: id, kind } });
        await tx.workOrderLine.createMany({ data: lines.map((line, position) => ({ id: randomUUID(), workOrderId: id, kind, position, ...line })) });
      }
      await this.transitions.record(tx, id, 'edited', { fields: Object.keys(input), actor });
      // Editing an Out of Stock order re-allocates by itself.
      if (outcome === 'allocationStarted') await this.beginAllocation(tx, order, 'reallocating after edit', actor);
    });
    if (isRefusal(edited)) return edited;
  }

  confirm(id: string, actor: Actor): Promise<WorkOrderSummary | Refusal> {
    return this.allocationStarts.submit({ id, action: 'confirm', actor, traceparent: activeTraceparent() });
  }

  retryAllocation(id: string, actor: Actor): Promise<WorkOrderSummary | Refusal> {
    return this.allocationStarts.submit({ id, action: 'retryAllocation', actor, traceparent: activeTraceparent() });
  }

  /**
   * Confirms and retries that arrived together, in one transaction (a group commit): the orders
   * locked (in id order, as every path locks them) and their materials read in one round trip,
   * each request decided in turn on its order as the requests before it left it (a second Confirm
   * of one order is refused as it would be alone), and every saga's first commands written with
   * the COMMIT. A refused request writes nothing, so it needs no rollback of its own. Each start
   * runs in its request's trace, so its saga and commands continue that request's trace.
   */
  private startAllocations(requests: readonly AllocationRequest[]): Promise<(WorkOrderSummary | Refusal)[]> {
    return this.sql.$transaction(async (tx) => {
      const ids = requests.map((request) => request.id);
      const [orders, materials] = await Promise.all([this.transitions.lockMany(tx, ids), linesOfMany(tx, ids, 'MATERIAL')]);
      const answers: (WorkOrderSummary | Refusal)[] = [];
      for (const { id, action, actor, traceparent } of requests) {
        const order = orders.get(id);
        if (!order) {
          answers.push(refuse.notFound('Work order', id));
          continue;
        }
        const decision = decide(stateOf(order), action);
        if (decision.kind === 'refused') {
          answers.push(refusal(decision));
          continue;
        }
        const cause = action === 'confirm' ? 'confirmed' : 'allocationRetried';
        const next = await withTraceparent(traceparent, () => this.beginAllocation(tx, order, cause, actor, materials.get(id) ?? []));
        orders.set(id, { ...order, status: next.status, pendingAction: next.pendingAction });
        answers.push(summaryOf(order, next));
      }
      return answers;
    });
  }

  /**
   * Retry Allocation done by the re-allocation queue, in the caller's transaction: the same saga as
   * an operator's retry, recorded as automatic with what triggered it. A refusal (the order changed
   * since the queue read it) is answered, not thrown, so the caller's transaction goes on.
   */
  async retryAllocationAutomatically(tx: SqlTransaction, id: string, trigger: AutomaticRetryTrigger): Promise<'started' | 'refused'> {
    const [order, materials] = await Promise.all([this.transitions.lock(tx, id), materialsOf(tx, id)]);
    if (!order?.autoRetry || decide(stateOf(order), 'retryAllocation').kind === 'refused') return 'refused';
    await this.beginAllocation(tx, order, 'allocationRetriedAutomatically', automaticRetryActor, materials, { trigger });
    return 'started';
  }

  cancel(id: string, actor: Actor): Promise<WorkOrderSummary | Refusal> {
    return this.act(id, 'cancel', async (tx, order, outcome) => {
      if (outcome === 'canceled') {
        return this.transitions.apply(tx, order, { type: 'Canceled' }, { event: 'canceled', detail: { actor } }, [
          publicEvents.canceled(order, order.id, actor),
        ]);
      }
      const held = await heldReservationsOf(tx, id);
      return this.sagas.start(tx, releaseSaga, order, { reservations: held, actor });
    });
  }

  /**
   * "Create Picking List" on one order: asks picking for a list. The order becomes Processing when
   * picking announces the list (the same path as a batch list made in Material Picking).
   */
  createPickingList(id: string, actor: Actor): Promise<WorkOrderSummary | Refusal> {
    return this.act(id, 'createPickingList', async (tx, order) => {
      const listId = randomUUID();
      const lines = await heldReservations(tx, order.id);
      await appendToOutbox(tx, [
        CreatePickingList.outgoing(
          { listId, warehouseId: order.warehouseId, orders: [{ workOrderId: order.id, number: order.number, merchantId: order.merchantId, lines }], actor },
          { correlationId: order.id, key: listId },
        ),
      ]);
      await this.transitions.record(tx, order.id, 'pickingListRequested', { listId, actor });
    });
  }

  /** Complete: deduct the materials and create the finished-goods inbound order (completion saga). */
  complete(id: string, actor: Actor): Promise<WorkOrderSummary | Refusal> {
    return this.act(id, 'complete', async (tx, order) => {
      const [held, outputs, pickingListIds] = await Promise.all([heldReservationsOf(tx, id), linesOf(tx, id, 'OUTPUT'), pickingListIdsOf(tx, id)]);
      return this.sagas.start(tx, completionSaga, order, { reservations: held, outputs, pickingListIds, actor });
    });
  }

  /**
   * Locks the order, asks the lifecycle whether the action is allowed, and runs it or refuses (409).
   * Answers the order as the action left it (`run` gives its new state when it changed it).
   * `read` is what the action will need from the database: it goes out with the lock, in the same
   * round trip (wasted only when the action is refused).
   */
  private act<Read = undefined>(
    id: string,
    action: OperatorAction,
    run: (tx: SqlTransaction, order: LockedWorkOrder, outcome: ActionOutcome, read: Read) => Promise<LifecycleState | void>,
    read?: (tx: SqlTransaction, id: string) => Promise<Read>,
  ): Promise<WorkOrderSummary | Refusal> {
    return this.actIn(this.sql, id, action, run, read);
  }

  private async actIn<Tx extends SqlTransaction, Read = undefined>(
    db: TransactionalDatabase<Tx>,
    id: string,
    action: OperatorAction,
    run: (tx: Tx, order: LockedWorkOrder, outcome: ActionOutcome, read: Read) => Promise<LifecycleState | void>,
    read?: (tx: Tx, id: string) => Promise<Read>,
  ): Promise<WorkOrderSummary | Refusal> {
    return refusableTransaction(db, async (tx) => {
      const [order, readForAction] = await Promise.all([this.transitions.lock(tx, id), read?.(tx, id)]);
      if (!order) return refuse.notFound('Work order', id);
      // Only completion depends on the picking lists: spare the query for every other action.
      const decision = decide(stateOf(order, action === 'complete' ? await pickingOf(tx, id) : undefined), action);
      if (decision.kind === 'refused') return refusal(decision);
      const next = await run(tx, order, decision.kind, readForAction as Read);
      return summaryOf(order, next);
    });
  }

  /** Starts allocating the order's materials (read here unless the caller already has them). */
  private async beginAllocation(
    tx: SqlTransaction,
    order: WorkOrder,
    historyEvent: string,
    actor: Actor,
    materialLines?: MaterialLines,
    historyDetail: Record<string, unknown> = {},
  ): Promise<LifecycleState> {
    const materials = materialLines ?? (await materialsOf(tx, order.id));
    return this.sagas.start(tx, allocationSaga, order, { materials, actor, cause: historyEvent, historyDetail });
  }

  private async resolveLines(merchantId: string, lines: CreateWorkOrderInput['lines']) {
    if ('bomId' in lines) {
      const bom = await this.db.bom.findUnique({ where: { id: lines.bomId }, include: { lines: true } });
      if (!bom) return refuse.invalid([{ field: 'bom.bomId', message: `unknown BOM ${lines.bomId}` }]);
      if (bom.merchantId !== merchantId) return refuse.invalid([{ field: 'bom.bomId', message: 'the BOM belongs to another merchant' }]);
      const tooMany = bom.lines.find((line) => line.quantity * lines.sets > MAX_STORED_QUANTITY);
      if (tooMany) {
        const most = Math.floor(MAX_STORED_QUANTITY / tooMany.quantity);
        return refuse.invalid([{ field: 'bom.sets', message: `${tooMany.quantity} ${tooMany.sku} per set: at most ${most} sets fit in one line` }]);
      }
      const times = (kind: string) =>
        bom.lines
          .filter((line) => line.kind === kind)
          .sort((a, b) => a.position - b.position)
          .map((line) => ({ sku: line.sku, quantity: line.quantity * lines.sets }));
      return { lines: { outputs: times('OUTPUT'), materials: times('MATERIAL') }, bomId: bom.id, bomSets: lines.sets };
    }
    const unknownSkus = await this.references.requireSkus(merchantId, { outputs: lines.outputs, materials: lines.materials });
    if (unknownSkus) return unknownSkus;
    return { lines, bomId: null, bomSets: null };
  }
}

type MaterialLines = Awaited<ReturnType<typeof linesOf>>;

function materialsOf(tx: SqlTransaction, workOrderId: string): Promise<MaterialLines> {
  return linesOf(tx, workOrderId, 'MATERIAL');
}

/** The order after an action: its new state and the transaction's time when the action changed it. */
function summaryOf(order: LockedWorkOrder, next: LifecycleState | void): WorkOrderSummary {
  return {
    id: order.id,
    number: order.number,
    status: next ? next.status : order.status,
    pendingAction: next ? next.pendingAction : order.pendingAction,
    updatedAt: next ? order.transactionTime : order.updatedAt,
    links: { self: `/work-orders/${order.id}` },
  };
}

function orderLines(lines: WorkOrderLinesInput) {
  return [
    ...lines.outputs.map((line, position) => ({ id: randomUUID(), kind: 'OUTPUT', position, ...line })),
    ...lines.materials.map((line, position) => ({ id: randomUUID(), kind: 'MATERIAL', position, ...line })),
  ];
}

type ActionOutcome = 'edited' | 'allocationStarted' | 'releaseStarted' | 'canceled' | 'pickingRequested' | 'completionStarted';

function refusal(refused: ActionRefused): Refusal {
  return refuse.conflict(refused.detail, {
    status: 409,
    workOrderStatus: refused.status,
    pendingAction: refused.pendingAction,
    allowedActions: refused.allowedActions,
  });
}

/** Two creates racing for one explicit number: the unique index decides, the loser is refused (400). */
function refuseDuplicateNumber(error: unknown): Refusal {
  if ((error as { code?: string }).code === 'P2002') return refuse.invalid([{ field: 'number', message: 'this number is already used in this warehouse' }]);
  throw error;
}
