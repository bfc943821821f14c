import { decide, evolve, noInboundOrder, putAway, receive, statusOf, type InboundOrderCommand, type InboundOrderState } from './inbound-order';

const expected = [
  { sku: 'SET', expected: 5, received: 0, putAway: 0 },
  { sku: 'CARD', expected: 2, received: 0, putAway: 0 },
];
const pending: InboundOrderState = { status: 'PENDING', lines: expected };
const received: InboundOrderState = {
  status: 'RECEIVED',
  lines: [
    { sku: 'SET', expected: 5, received: 5, putAway: 0 },
    { sku: 'CARD', expected: 2, received: 2, putAway: 0 },
  ],
};
const knownLocations = new Set(['FG-01']);

/** The state a command leads to, through decide and then evolve. */
function after(state: InboundOrderState, command: InboundOrderCommand): InboundOrderState {
  const decision = decide(state, command);
  if (decision.kind !== 'accepted') throw new Error(`not accepted: ${JSON.stringify(decision)}`);
  return decision.events.reduce(evolve, state);
}

describe('inbound order', () => {
  it('receives partially, then fully', () => {
    const partial = receive(expected, [{ sku: 'SET', quantity: 3 }]);
    if (!('lines' in partial)) throw new Error('expected lines');
    expect(statusOf(partial.lines)).toBe('RECEIVING');
    const full = receive(partial.lines, [
      { sku: 'SET', quantity: 2 },
      { sku: 'CARD', quantity: 2 },
    ]);
    if (!('lines' in full)) throw new Error('expected lines');
    expect(statusOf(full.lines)).toBe('RECEIVED');
  });

  it('refuses an over-receipt and an unexpected SKU, naming the line', () => {
    expect(receive(expected, [{ sku: 'SET', quantity: 6 }])).toEqual({
      errors: [{ index: 0, field: 'quantity', message: expect.stringContaining('over-receipt') }],
    });
    expect(
      receive(expected, [
        { sku: 'CARD', quantity: 1 },
        { sku: 'NOPE', quantity: 1 },
      ]),
    ).toEqual({ errors: [expect.objectContaining({ index: 1, field: 'sku' })] });
  });

  it('puts away only what was received, and is done when everything is put away', () => {
    expect(putAway(received.lines, [{ sku: 'SET', quantity: 6 }])).toMatchObject({ errors: [{ field: 'quantity' }] });
    const done = putAway(received.lines, [
      { sku: 'SET', quantity: 5 },
      { sku: 'CARD', quantity: 2 },
    ]);
    if (!('lines' in done)) throw new Error('expected lines');
    expect(statusOf(done.lines)).toBe('PUT_AWAY');
  });
});

describe('inbound order lifecycle', () => {
  it('is created once, pending, with its expected lines', () => {
    const create: InboundOrderCommand = { type: 'create', expected: [{ sku: 'SET', quantity: 5 }] };
    expect(decide(noInboundOrder, create)).toEqual({ kind: 'accepted', events: [{ type: 'Created', expected: [{ sku: 'SET', quantity: 5 }] }] });
    expect(after(noInboundOrder, create)).toEqual({ status: 'PENDING', lines: [{ sku: 'SET', expected: 5, received: 0, putAway: 0 }] });
    expect(decide(pending, create)).toEqual({ kind: 'ignored', reason: 'the inbound order exists already' });
  });

  it('goes pending, receiving, received, put away', () => {
    const receiving = after(pending, { type: 'receive', receipt: [{ sku: 'SET', quantity: 3 }] });
    expect(receiving.status).toBe('RECEIVING');
    const full = after(receiving, {
      type: 'receive',
      receipt: [
        { sku: 'SET', quantity: 2 },
        { sku: 'CARD', quantity: 2 },
      ],
    });
    expect(full).toEqual(received);
    const partlyShelved = after(full, { type: 'putAway', putaways: [{ sku: 'SET', quantity: 5, locationCode: 'FG-01' }], knownLocations });
    expect(partlyShelved.status).toBe('RECEIVED');
    const shelved = after(partlyShelved, { type: 'putAway', putaways: [{ sku: 'CARD', quantity: 2, locationCode: 'FG-01' }], knownLocations });
    expect(shelved.status).toBe('PUT_AWAY');
  });

  it('refuses a receipt that does not match, naming every line at fault', () => {
    expect(decide(pending, { type: 'receive', receipt: [{ sku: 'SET', quantity: 6 }] })).toEqual({
      kind: 'refused',
      errors: [{ index: 0, field: 'quantity', message: 'over-receipt: 5 of SET still expected, 6 received' }],
    });
    expect(decide(pending, { type: 'receive', receipt: [{ sku: 'NOPE', quantity: 1 }] })).toEqual({
      kind: 'refused',
      errors: [{ index: 0, field: 'sku', message: 'NOPE is not expected on this inbound order' }],
    });
  });

  it('refuses a putaway to an unknown location first, then the lines it does not match', () => {
    expect(
      decide(pending, {
        type: 'putAway',
        putaways: [
          { sku: 'SET', quantity: 1, locationCode: 'FG-01' },
          { sku: 'CARD', quantity: 1, locationCode: 'NOWHERE' },
        ],
        knownLocations,
      }),
    ).toEqual({
      kind: 'refused',
      errors: [
        { index: 1, field: 'locationCode', message: 'no location NOWHERE in this warehouse' },
        { index: 0, field: 'quantity', message: 'only 0 of SET received and not yet put away' },
        { index: 1, field: 'quantity', message: 'only 0 of CARD received and not yet put away' },
      ],
    });
    expect(decide(received, { type: 'putAway', putaways: [{ sku: 'NOPE', quantity: 1, locationCode: 'FG-01' }], knownLocations })).toEqual({
      kind: 'refused',
      errors: [{ index: 0, field: 'sku', message: 'NOPE is not on this inbound order' }],
    });
  });

  it('refuses to apply an event that does not fit the order: that is a bug', () => {
    expect(() => evolve(pending, { type: 'Created', expected: [] })).toThrow('cannot apply Created to an inbound order that is PENDING');
    expect(() => evolve(noInboundOrder, { type: 'GoodsReceived', receipt: [] })).toThrow();
    expect(() => evolve(noInboundOrder, { type: 'GoodsPutAway', putaways: [] })).toThrow();
    expect(() => evolve(pending, { type: 'GoodsReceived', receipt: [{ sku: 'SET', quantity: 6 }] })).toThrow('over-receipt');
    expect(() => evolve(pending, { type: 'GoodsPutAway', putaways: [{ sku: 'SET', quantity: 1, locationCode: 'FG-01' }] })).toThrow('only 0 of SET');
  });
});
