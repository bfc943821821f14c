import type { PickingRequest } from '@wo/contracts/rest';
import { describe, expect, it } from 'vitest';
import { describeAllocations, groupRequestsByWorkOrder } from './picking-groups';

const request = (workOrderId: string, workOrderNumber: string, materials: PickingRequest['materials']): PickingRequest => ({
  workOrderId,
  workOrderNumber,
  warehouseId: 'wh',
  merchantId: 'm',
  materials,
});

describe('groupRequestsByWorkOrder', () => {
  it('makes one group per work order, by number, with its lines by SKU and their locations', () => {
    const groups = groupRequestsByWorkOrder([
      request('b', 'WO-0002', [{ lineId: 'b1', sku: 'GIFT-BOX', quantity: 1, allocations: [{ locationCode: 'A-01', quantity: 1 }] }]),
      request('a', 'WO-0001', [
        { lineId: 'a2', sku: 'GIFT-BOX', quantity: 1, allocations: [{ locationCode: 'A-01', quantity: 1 }] },
        {
          lineId: 'a1',
          sku: 'CHOC-BAR',
          quantity: 3,
          allocations: [
            { locationCode: 'B-01', quantity: 1 },
            { locationCode: 'A-02', quantity: 2 },
          ],
        },
      ]),
    ]);
    expect(groups.map((group) => group.workOrderNumber)).toEqual(['WO-0001', 'WO-0002']);
    expect(groups[0]!.lines).toEqual([
      { lineId: 'a1', sku: 'CHOC-BAR', quantity: 3, locations: 'A-02 × 2, B-01 × 1' },
      { lineId: 'a2', sku: 'GIFT-BOX', quantity: 1, locations: 'A-01 × 1' },
    ]);
    expect(groups[0]!.totalQuantity).toBe(4);
  });

  it('merges entries of the same work order', () => {
    const groups = groupRequestsByWorkOrder([
      request('a', 'WO-0001', [{ lineId: 'a1', sku: 'CHOC-BAR', quantity: 2, allocations: [] }]),
      request('a', 'WO-0001', [{ lineId: 'a2', sku: 'CANDLE-VAN', quantity: 1, allocations: [] }]),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.lines.map((line) => line.sku)).toEqual(['CANDLE-VAN', 'CHOC-BAR']);
  });

  it('says so when a line has no location', () => expect(describeAllocations([])).toBe('—'));

  it('names the lot held at each location of a lot-tracked material', () =>
    expect(
      describeAllocations([
        { locationCode: 'A-02', quantity: 4, lot: 'HNY-1', expiresOn: '2027-03-31' },
        { locationCode: 'A-01', quantity: 1, lot: 'HNY-2' },
      ]),
    ).toBe('A-01 × 1 (lot HNY-2), A-02 × 4 (lot HNY-1)'));
});
