import type { Actor } from '@wo/contracts/envelope';
import { InboundOrderProgressed } from '@wo/contracts/inbound';
import { PutAwayStock, stockKey } from '@wo/contracts/inventory';
import { appendToOutbox } from '@wo/messaging';
import { randomUUID } from 'node:crypto';
import { evolve, type InboundOrderEvent, type InboundOrderState } from '../domain/inbound-order';
import type { InboundTransaction } from '../persistence/inbound-database';

/** Who the order is and where it came from: fixed when it is created. */
export interface InboundOrderIdentity {
  readonly id: string;
  readonly source: string;
  readonly sourceId: string;
  readonly sourceReference: string;
  readonly warehouseId: string;
  readonly merchantId: string;
}

/**
 * The only code that writes an inbound order's status: applies decided events through the pure
 * `evolve` and writes what each means (the order and its lines, the putaways and the PutAwayStock
 * they send to inventory, a putaway inventory refused), then announces the order's progress, in
 * the caller's transaction.
 */
export async function applyInboundOrderEvents(
  tx: InboundTransaction,
  order: InboundOrderIdentity,
  state: InboundOrderState,
  events: readonly InboundOrderEvent[],
  correlationId: string,
  /** Who received or put away (absent when the system acted: the order's creation). */
  actor?: Actor,
): Promise<InboundOrderState> {
  let current = state;
  for (const event of events) {
    current = evolve(current, event);
    await write(tx, order, current, event);
  }
  const reopened = events.find((event) => event.type === 'PutawayReopened');
  await appendToOutbox(tx, [progressEvent(order, current, correlationId, actor, reopened)]);
  return current;
}

async function write(tx: InboundTransaction, order: InboundOrderIdentity, next: InboundOrderState, event: InboundOrderEvent): Promise<void> {
  const status = next.status!;
  switch (event.type) {
    case 'Created':
      await tx.inboundOrder.create({
        data: { ...order, status, lines: { create: next.lines.map((line) => ({ sku: line.sku, lot: line.lot, expected: line.expected })) } },
      });
      return;
    case 'GoodsReceived':
      await saveLines(tx, order.id, next);
      return;
    case 'GoodsPutAway':
      await saveLines(tx, order.id, next);
      for (const item of event.putaways) {
        const putawayId = randomUUID();
        // The goods are shelved as the lot the line was received as (one lot per line).
        const { lot, expiresOn } = next.lines.find((line) => line.sku === item.sku)!;
        await tx.inboundPutaway.create({ data: { id: putawayId, inboundOrderId: order.id, ...item, lot } });
        await appendToOutbox(tx, [
          PutAwayStock.outgoing(
            {
              putawayId,
              inboundOrderId: order.id,
              warehouseId: order.warehouseId,
              merchantId: order.merchantId,
              ...item,
              ...(lot !== null && { lot }),
              ...(expiresOn !== null && { expiresOn }),
            },
            { correlationId: order.id, key: stockKey(order.warehouseId, item.sku) },
          ),
        ]);
      }
      return;
    case 'PutawayReopened':
      await saveLines(tx, order.id, next);
      await tx.inboundPutaway.update({
        where: { id: event.putaway.id },
        data: { refusedAt: new Date(), refusalReason: event.refusal.reason, refusalField: event.refusal.field },
      });
      return;
    default: {
      const unknownEvent: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknownEvent)}`);
    }
  }
}

/** The lines' counts and the status they give the order. */
async function saveLines(tx: InboundTransaction, inboundOrderId: string, next: InboundOrderState): Promise<void> {
  for (const line of next.lines) {
    await tx.inboundOrderLine.update({
      where: { inboundOrderId_sku: { inboundOrderId, sku: line.sku } },
      data: { lot: line.lot, expiresOn: line.expiresOn === null ? null : new Date(line.expiresOn), received: line.received, putAway: line.putAway },
    });
  }
  await tx.inboundOrder.update({ where: { id: inboundOrderId }, data: { status: next.status!, updatedAt: new Date() } });
}

function progressEvent(
  order: InboundOrderIdentity,
  state: InboundOrderState,
  correlationId: string,
  actor: Actor | undefined,
  reopened: Extract<InboundOrderEvent, { type: 'PutawayReopened' }> | undefined,
) {
  return InboundOrderProgressed.outgoing(
    {
      inboundOrderId: order.id,
      workOrderId: order.source === 'WORK_ORDER' ? order.sourceId : null,
      status: state.status!,
      lines: state.lines.map(({ sku, lot, expiresOn, expected, received, putAway }) => ({ sku, lot, expiresOn, expected, received, putAway })),
      ...(actor && { actor }),
      ...(reopened && {
        putawayRefused: {
          sku: reopened.putaway.sku,
          locationCode: reopened.putaway.locationCode,
          quantity: reopened.putaway.quantity,
          field: reopened.refusal.field,
          reason: reopened.refusal.reason,
        },
      }),
    },
    { correlationId, key: order.id },
  );
}
