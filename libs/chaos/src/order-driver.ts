import type { ApiClient } from '@wo/testing';

/** What the driver means to do with an order, drawn at random: most are completed. */
export type OrderFate = 'complete' | 'cancelWhenAllocated' | 'cancelListThenOrder';

export interface DrivenOrder {
  readonly id: string;
  readonly fate: OrderFate;
  finalStatus: string | null;
  actions: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Drives one work order through its lifecycle the way an operator would, by reading its state and
 * taking the next action, so it survives crashed services, lost responses and 409s: whatever
 * happened, the next read says where the order stands.
 */
export async function driveOrder(api: ApiClient, order: DrivenOrder, finishedGoodsLocation: string, deadline: number): Promise<void> {
  let allocationRetries = 0;
  let pickingRequestedAt = 0;
  let listCanceled = false;
  while (Date.now() < deadline) {
    const current = await read(api, `/work-orders/${order.id}`);
    if (!current || current.pendingAction) {
      await sleep(150);
      continue;
    }
    order.actions += 1;
    switch (current.status) {
      case 'DRAFT':
        await attempt(api, `/work-orders/${order.id}/confirm`);
        break;
      case 'OUT_OF_STOCK':
        if (allocationRetries < 1 && Math.random() < 0.5) {
          allocationRetries += 1;
          await attempt(api, `/work-orders/${order.id}/retry-allocation`);
        } else {
          await attempt(api, `/work-orders/${order.id}/cancel`);
        }
        break;
      case 'ALLOCATED':
        if (order.fate === 'cancelWhenAllocated' || listCanceled) {
          await attempt(api, `/work-orders/${order.id}/cancel`);
        } else if (Date.now() - pickingRequestedAt > 15_000) {
          pickingRequestedAt = Date.now();
          await attempt(api, `/work-orders/${order.id}/picking-lists`);
        } else {
          await sleep(200);
        }
        break;
      case 'PROCESSING': {
        // The list the order is on, as work-orders knows it; its current status from picking.
        const known = (current.pickingLists as { id: string; status: string }[]).find((list) => list.status !== 'CANCELED');
        const live = known ? ((await read(api, `/picking-lists/${known.id}`)) as { id: string; status: string } | null) : null;
        if (!live) await sleep(200);
        else if (order.fate === 'cancelListThenOrder' && !listCanceled && live.status !== 'DONE') {
          listCanceled = true;
          await attempt(api, `/picking-lists/${live.id}/cancel`);
        } else if (live.status === 'CREATED') await attempt(api, `/picking-lists/${live.id}/start`, { picker: 'chaos' });
        else if (live.status === 'IN_PROGRESS') await attempt(api, `/picking-lists/${live.id}/complete`);
        else if (current.allowedActions.includes('complete')) await attempt(api, `/work-orders/${order.id}/complete`);
        else await sleep(200);
        break;
      }
      case 'COMPLETED': {
        const inbound = (
          (await read(api, `/inbound-orders?workOrderId=${order.id}`)) as
            { id: string; status: string; lines: { sku: string; expected: number; received: number; putAway: number }[] }[] | null
        )?.[0];
        if (!inbound) {
          await sleep(200);
          break;
        }
        if (inbound.status === 'PUT_AWAY') return finish(order, 'COMPLETED');
        const toReceive = inbound.lines
          .filter((line) => line.received < line.expected)
          .map((line) => ({ sku: line.sku, quantity: line.expected - line.received }));
        if (toReceive.length > 0) await attempt(api, `/inbound-orders/${inbound.id}/receive`, { lines: toReceive });
        else {
          const toShelve = inbound.lines
            .filter((line) => line.putAway < line.received)
            .map((line) => ({ sku: line.sku, quantity: line.received - line.putAway, locationCode: finishedGoodsLocation }));
          await attempt(api, `/inbound-orders/${inbound.id}/putaway`, { lines: toShelve });
        }
        break;
      }
      case 'CANCELED':
        return finish(order, 'CANCELED');
      default:
        throw new Error(`unexpected status ${current.status}`);
    }
  }
  const last = await read(api, `/work-orders/${order.id}`);
  order.finalStatus = `${last?.status ?? 'unknown'} (driver timed out)`;
}

function finish(order: DrivenOrder, status: string): void {
  order.finalStatus = status;
}

/** A GET that answers null instead of failing while a service is down. */
async function read(api: ApiClient, path: string): Promise<any> {
  try {
    const response = await api.get(path);
    return response.status === 200 ? response.body : null;
  } catch {
    // A crashed service or a restarting gateway: the next loop reads again.
    return null;
  }
}

/** A POST whose failure is fine: a refused or lost action shows up in the next read. */
async function attempt(api: ApiClient, path: string, body?: unknown): Promise<void> {
  try {
    await api.post(path, body);
  } catch {
    await sleep(300);
  }
}
