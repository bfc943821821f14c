import { decidePickingList, walkingOrder } from './picking-list-lifecycle';

describe('picking list lifecycle', () => {
  it('goes created, in progress, done', () => {
    expect(decidePickingList('CREATED', 'start')).toEqual({ kind: 'accepted', next: 'IN_PROGRESS' });
    expect(decidePickingList('IN_PROGRESS', 'complete')).toEqual({ kind: 'accepted', next: 'DONE' });
  });

  it('needs a picker to start before it is done', () => {
    expect(decidePickingList('CREATED', 'complete')).toMatchObject({ kind: 'refused', allowedActions: ['start', 'cancel'] });
  });

  it('cancels only unfinished lists', () => {
    expect(decidePickingList('IN_PROGRESS', 'cancel')).toEqual({ kind: 'accepted', next: 'CANCELED' });
    expect(decidePickingList('DONE', 'cancel')).toMatchObject({ kind: 'refused', allowedActions: [] });
  });

  it('orders stops by location, grouping one bin for several orders', () => {
    const stops = walkingOrder([
      { locationCode: 'B-01', sku: 'SOAP', quantity: 2, workOrderId: 'wo-1', lineId: 'l2' },
      { locationCode: 'A-01', sku: 'BOX', quantity: 1, workOrderId: 'wo-2', lineId: 'l1' },
      { locationCode: 'A-01', sku: 'BOX', quantity: 1, workOrderId: 'wo-1', lineId: 'l1' },
    ]);
    expect(stops.map((stop) => `${stop.locationCode} ${stop.workOrderId}`)).toEqual(['A-01 wo-1', 'A-01 wo-2', 'B-01 wo-1']);
  });
});
