import { eventually, type ApiClient, type WarehouseFixture } from '@wo/testing';

/** Steps of the work-order lifecycle as an operator performs them, for the lifecycle suites. */
export class Lifecycle {
  constructor(
    private readonly api: ApiClient,
    private readonly warehouse: WarehouseFixture,
  ) {}

  async allocatedOrder(materials: { sku: string; quantity: number }[], outputs = [{ sku: 'GIFT-SET', quantity: 1 }]): Promise<any> {
    const order = await this.warehouse.workOrder({ outputs, materials });
    expect((await this.api.post(`/work-orders/${order.id}/confirm`)).status).toBe(202);
    const allocated = await this.warehouse.settled(order.id);
    expect(allocated.status).toBe('ALLOCATED');
    return allocated;
  }

  /** Reads the order until its status is the one given (and nothing is in flight). */
  orderIn(workOrderId: string, status: string, extra: (order: any) => boolean = () => true): Promise<any> {
    return eventually(
      async () => (await this.api.get(`/work-orders/${workOrderId}`)).body,
      (order) => order.status === status && order.pendingAction === null && extra(order),
      { what: `work order ${workOrderId} to be ${status}` },
    );
  }

  async listOf(workOrderId: string): Promise<any> {
    const lists = await eventually(
      async () => (await this.api.get(`/picking-lists?workOrderId=${workOrderId}`)).body,
      (found) => Array.isArray(found) && found.length > 0,
      { what: `a picking list for ${workOrderId}` },
    );
    return lists[0];
  }

  async pick(listId: string, picker = 'Pat'): Promise<void> {
    expect((await this.api.post(`/picking-lists/${listId}/start`, { picker })).status).toBe(200);
    const done = await this.api.post(`/picking-lists/${listId}/complete`);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'DONE', progress: { picked: done.body.progress.total } });
  }

  /** Waits until work-orders has heard that every list is done (complete becomes allowed). */
  completable(workOrderId: string): Promise<any> {
    return this.orderIn(workOrderId, 'PROCESSING', (order) => order.allowedActions.includes('complete'));
  }
}
