import { decide, evolve, noList, walkingOrder, type PickingListCommand, type PickingListState } from './picking-list-lifecycle';

const list = (status: PickingListState['status']): PickingListState => ({ status });
const start: PickingListCommand = { type: 'start', picker: 'ann' };
const cancel: PickingListCommand = { type: 'cancel', reason: 'canceled by an operator' };

/** The state a command leads to, through decide and then evolve. */
function after(state: PickingListState, command: PickingListCommand): PickingListState {
  const decision = decide(state, command);
  if (decision.kind === 'refused') throw new Error(decision.detail);
  return decision.events.reduce(evolve, state);
}

describe('picking list lifecycle', () => {
  it('is made once, its lines in walking order', () => {
    const stops = [
      { locationCode: 'B-01', sku: 'SOAP', lot: null, expiresOn: null, quantity: 2, workOrderId: 'wo-1', lineId: 'l2' },
      { locationCode: 'A-01', sku: 'BOX', lot: 'L-1', expiresOn: '2027-03-01', quantity: 1, workOrderId: 'wo-1', lineId: 'l1' },
    ];
    const create: PickingListCommand = { type: 'create', warehouseId: 'wh', workOrderIds: ['wo-1'], stops };
    expect(decide(noList, create)).toEqual({
      kind: 'accepted',
      events: [{ type: 'Created', warehouseId: 'wh', workOrderIds: ['wo-1'], stops: [stops[1], stops[0]] }],
    });
    expect(after(noList, create)).toEqual(list('CREATED'));
    expect(decide(list('CREATED'), create)).toMatchObject({ kind: 'refused', status: 'CREATED', detail: 'create is not allowed while the list is CREATED' });
  });

  it('goes created, in progress, done', () => {
    expect(decide(list('CREATED'), start)).toEqual({ kind: 'accepted', events: [{ type: 'Started', picker: 'ann' }] });
    expect(after(list('CREATED'), start)).toEqual(list('IN_PROGRESS'));
    expect(decide(list('IN_PROGRESS'), { type: 'complete' })).toEqual({ kind: 'accepted', events: [{ type: 'Completed' }] });
    expect(after(list('IN_PROGRESS'), { type: 'complete' })).toEqual(list('DONE'));
  });

  it('needs a picker to start before it is done', () => {
    expect(decide(list('CREATED'), { type: 'complete' })).toEqual({
      kind: 'refused',
      status: 'CREATED',
      allowedActions: ['start', 'cancel'],
      detail: 'a picker must start the list before it can be done',
    });
  });

  it('starts only once', () => {
    expect(decide(list('IN_PROGRESS'), start)).toEqual({
      kind: 'refused',
      status: 'IN_PROGRESS',
      allowedActions: ['complete', 'cancel'],
      detail: 'start is not allowed while the list is IN_PROGRESS',
    });
  });

  it('cancels only unfinished lists', () => {
    expect(decide(list('IN_PROGRESS'), cancel)).toEqual({ kind: 'accepted', events: [{ type: 'Canceled', reason: 'canceled by an operator' }] });
    expect(after(list('CREATED'), cancel)).toEqual(list('CANCELED'));
    expect(after(list('IN_PROGRESS'), cancel)).toEqual(list('CANCELED'));
    expect(decide(list('DONE'), cancel)).toMatchObject({ kind: 'refused', allowedActions: [] });
    expect(decide(list('CANCELED'), cancel)).toMatchObject({ kind: 'refused', allowedActions: [], detail: 'cancel is not allowed while the list is CANCELED' });
  });

  it('refuses to apply an event that does not fit the state: that is a bug', () => {
    expect(() => evolve(list('DONE'), { type: 'Started', picker: 'ann' })).toThrow('cannot apply Started to a picking list that is DONE');
    expect(() => evolve(list('CREATED'), { type: 'Completed' })).toThrow();
    expect(() => evolve(list('CREATED'), { type: 'Created', warehouseId: 'wh', workOrderIds: [], stops: [] })).toThrow();
    expect(() => evolve(list('DONE'), { type: 'Canceled', reason: 'late' })).toThrow();
  });

  it('orders stops by location, grouping one bin for several orders', () => {
    const stops = walkingOrder([
      { locationCode: 'B-01', sku: 'SOAP', lot: null, expiresOn: null, quantity: 2, workOrderId: 'wo-1', lineId: 'l2' },
      { locationCode: 'A-01', sku: 'BOX', lot: null, expiresOn: null, quantity: 1, workOrderId: 'wo-2', lineId: 'l1' },
      { locationCode: 'A-01', sku: 'BOX', lot: null, expiresOn: null, quantity: 1, workOrderId: 'wo-1', lineId: 'l1' },
    ]);
    expect(stops.map((stop) => `${stop.locationCode} ${stop.workOrderId}`)).toEqual(['A-01 wo-1', 'A-01 wo-2', 'B-01 wo-1']);
  });

  it('orders stops by location, then SKU, then lot: two lots of a SKU at one bin are two stops', () => {
    const stop = (locationCode: string, sku: string, lot: string | null, workOrderId = 'wo-1') => ({
      locationCode,
      sku,
      lot,
      expiresOn: lot && '2027-03-01',
      quantity: 1,
      workOrderId,
      lineId: `${workOrderId}-${sku}`,
    });
    const stops = walkingOrder([
      stop('A-01', 'BOX', 'L-2'),
      stop('B-01', 'BOX', 'L-1'),
      stop('A-01', 'CARD', null),
      stop('A-01', 'BOX', 'L-1', 'wo-2'),
      stop('A-01', 'BOX', 'L-1'),
    ]);
    expect(stops.map((s) => `${s.locationCode} ${s.sku} ${s.lot ?? '-'} ${s.workOrderId}`)).toEqual([
      'A-01 BOX L-1 wo-1',
      'A-01 BOX L-1 wo-2',
      'A-01 BOX L-2 wo-1',
      'A-01 CARD - wo-1',
      'B-01 BOX L-1 wo-1',
    ]);
    // The lot travels on the line the picker reads.
    const create: PickingListCommand = { type: 'create', warehouseId: 'wh', workOrderIds: ['wo-1', 'wo-2'], stops };
    const decision = decide(noList, create);
    expect(decision).toMatchObject({ kind: 'accepted', events: [{ type: 'Created', stops: [{ lot: 'L-1', expiresOn: '2027-03-01' }, {}, {}, {}, {}] }] });
  });
});
