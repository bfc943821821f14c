import type { Actor } from '@wo/contracts/envelope';
import { PickingListCanceled, PickingListCompleted, PickingListCreated, PickingListStarted } from '@wo/contracts/picking';
import { appendToOutbox } from '@wo/messaging';
import { evolve, type PickingListEvent, type PickingListState } from '../domain/picking-list-lifecycle';
import { PickingRequestStatus, statusesMovedBy } from '../domain/picking-request-lifecycle';
import type { PickingTransaction } from '../persistence/picking-database';

/**
 * The only code that writes a picking list's status: applies decided events through the pure
 * `evolve` and writes what each one means (the list, the requests it takes or frees, guarded as
 * `decidePickingRequest` decides, the
 * announcement on picking.events), in the caller's transaction.
 */
export async function applyPickingListEvents(
  tx: PickingTransaction,
  listId: string,
  state: PickingListState,
  events: readonly PickingListEvent[],
  correlationId: string,
  /** Who acted (absent when the system did: a list withdrawn by work-orders). */
  actor?: Actor,
): Promise<PickingListState> {
  let current = state;
  for (const event of events) {
    current = evolve(current, event);
    await write(tx, listId, current, event, correlationId, actor);
  }
  return current;
}

async function write(tx: PickingTransaction, id: string, next: PickingListState, event: PickingListEvent, correlationId: string, actor?: Actor): Promise<void> {
  const status = next.status!;
  const updatedAt = new Date();
  const by = actor ? { actor } : {};
  switch (event.type) {
    case 'Created': {
      const { warehouseId, workOrderIds, stops } = event;
      await tx.pickingList.create({
        data: {
          id,
          warehouseId,
          status,
          workOrderIds: [...workOrderIds],
          lines: { create: stops.map((stop, position) => ({ position, ...stop, expiresOn: stop.expiresOn === null ? null : new Date(stop.expiresOn) })) },
        },
      });
      await tx.pickingRequest.updateMany({
        where: { warehouseId, status: { in: statusesMovedBy('list') }, workOrderId: { in: [...workOrderIds] } },
        data: { status: PickingRequestStatus.Listed, listId: id, updatedAt },
      });
      await appendToOutbox(tx, [PickingListCreated.outgoing({ listId: id, warehouseId, workOrderIds: [...workOrderIds], ...by }, { correlationId, key: id })]);
      return;
    }
    case 'Started': {
      const list = await tx.pickingList.update({ where: { id }, data: { status, picker: event.picker, updatedAt } });
      await appendToOutbox(tx, [PickingListStarted.outgoing({ ...factsOf(list), picker: event.picker, ...by }, { correlationId, key: id })]);
      return;
    }
    case 'Completed': {
      // Done: every line picked in full.
      await tx.$executeRawUnsafe('UPDATE picking_list_line SET picked = quantity WHERE list_id = $1', id);
      const list = await tx.pickingList.update({ where: { id }, data: { status, updatedAt } });
      await appendToOutbox(tx, [PickingListCompleted.outgoing({ ...factsOf(list), ...by }, { correlationId, key: id })]);
      return;
    }
    case 'Canceled': {
      const list = await tx.pickingList.update({ where: { id }, data: { status, updatedAt } });
      // Its requests open again, for another list.
      await tx.pickingRequest.updateMany({
        where: { listId: id, status: { in: statusesMovedBy('unlist') } },
        data: { status: PickingRequestStatus.Open, listId: null, updatedAt },
      });
      await appendToOutbox(tx, [PickingListCanceled.outgoing({ ...factsOf(list), reason: event.reason, ...by }, { correlationId, key: id })]);
      return;
    }
    default: {
      const unknownEvent: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknownEvent)}`);
    }
  }
}

/** The list as its announcements name it. */
function factsOf(list: { id: string; warehouseId: string; workOrderIds: unknown }) {
  return { listId: list.id, warehouseId: list.warehouseId, workOrderIds: list.workOrderIds as string[] };
}
