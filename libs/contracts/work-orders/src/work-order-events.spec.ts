import {
  WorkOrderAllocated,
  WorkOrderCanceled,
  WorkOrderCompleted,
  WorkOrderConfirmed,
  WorkOrderCreated,
  WorkOrderOutOfStock,
  WorkOrderProcessing,
  WorkOrderTopics,
} from './index';
import { readPayload } from '@wo/contracts/envelope';

/**
 * The public work-order events are a contract other domains build on: these tests pin their
 * names, versions, topic and shapes. Changing one of them is a breaking change: add a new version.
 */
describe('public work-order events (v1)', () => {
  const facts = { workOrderId: 'wo-1', number: 'WO-WH1-00001', merchantId: 'm-1', warehouseId: 'wh-1' };

  it('live on one topic, keyed by work-order id', () => {
    expect(WorkOrderTopics.events).toBe('work-orders.events');
    for (const definition of [
      WorkOrderCreated,
      WorkOrderConfirmed,
      WorkOrderAllocated,
      WorkOrderOutOfStock,
      WorkOrderProcessing,
      WorkOrderCompleted,
      WorkOrderCanceled,
    ]) {
      expect(definition.topic).toBe('work-orders.events');
      // WorkOrderCompleted is at v2 (it carries lots); v1 is still read, upcast (below).
      expect(definition.version).toBe(definition === WorkOrderCompleted ? 2 : 1);
      expect(definition.type).toMatch(/^work-orders\.WorkOrder[A-Z][a-zA-Z]+$/);
    }
    const materials = [{ lineId: 'l1', sku: 'BOX', quantity: 5, allocations: [{ locationCode: 'A-01', quantity: 5 }] }];
    expect(WorkOrderAllocated.create({ ...facts, materials }, { correlationId: 'saga-1', key: 'wo-1' })).toEqual({
      id: expect.any(String),
      type: 'work-orders.WorkOrderAllocated',
      version: 1,
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      correlationId: 'saga-1',
      causationId: null,
      key: 'wo-1',
      payload: { ...facts, materials },
    });
  });

  it('accept exactly the documented payloads', () => {
    expect(
      WorkOrderCreated.schema.safeParse({
        ...facts,
        name: 'Gift sets',
        scheduledAt: null,
        outputs: [{ sku: 'SET', quantity: 5 }],
        materials: [{ sku: 'BOX', quantity: 5 }],
      }).success,
    ).toBe(true);
    expect(WorkOrderOutOfStock.schema.safeParse({ ...facts, shortages: [{ sku: 'BOX', requested: 5, available: 2 }] }).success).toBe(true);
    expect(WorkOrderOutOfStock.schema.safeParse({ ...facts }).success).toBe(false);
    expect(WorkOrderCanceled.schema.safeParse({ workOrderId: 'wo-1' }).success).toBe(false);
    expect(WorkOrderProcessing.schema.safeParse({ ...facts, pickingListId: 'pl-1' }).success).toBe(true);
    expect(WorkOrderCompleted.schema.safeParse({ ...facts, inboundOrderId: 'in-1', outputs: [{ sku: 'SET', quantity: 5 }] }).success).toBe(false);
    expect(
      WorkOrderCompleted.schema.safeParse({
        ...facts,
        inboundOrderId: 'in-1',
        outputs: [{ sku: 'SET', quantity: 5, lot: 'WO-WH1-00001' }],
        consumed: [{ sku: 'BOX', locationCode: 'A-01', quantity: 5, lot: 'L-1', expiresOn: '2027-03-01' }],
        pickingListIds: ['pl-1'],
      }).success,
    ).toBe(true);
  });

  it('read WorkOrderCompleted v1 as v2: outputs without lots, no genealogy', () => {
    const v1 = { ...facts, inboundOrderId: 'in-1', outputs: [{ sku: 'SET', quantity: 5 }] };
    expect(readPayload(WorkOrderCompleted, 1, v1)).toEqual({
      ok: true,
      payload: { ...v1, outputs: [{ sku: 'SET', quantity: 5, lot: null }], consumed: [], pickingListIds: [] },
    });
  });

  it('carry the actor as an optional, additive field: with it, without it, never half of it', () => {
    const actor = { subject: 'planner', name: 'Pia Planner' };
    expect(WorkOrderConfirmed.schema.parse({ ...facts, actor })).toEqual({ ...facts, actor });
    expect(WorkOrderConfirmed.schema.safeParse({ ...facts }).success).toBe(true);
    expect(WorkOrderAllocated.schema.safeParse({ ...facts, materials: [], actor }).success).toBe(true);
    expect(WorkOrderCanceled.schema.safeParse({ ...facts, actor: { name: 'Pia Planner' } }).success).toBe(false);
  });
});
