import {
  decide,
  evolve,
  isLotConflict,
  noInboundOrder,
  putAway,
  receive,
  statusOf,
  type InboundOrderCommand,
  type InboundOrderState,
  type ReceivedGoods,
} from './inbound-order';

// SET is finished goods expected as lot WO-1; CARD has no lots.
const expected = [
  { sku: 'SET', lot: 'WO-1', expiresOn: null, expected: 5, received: 0, putAway: 0 },
  { sku: 'CARD', lot: null, expiresOn: null, expected: 2, received: 0, putAway: 0 },
];
const pending: InboundOrderState = { status: 'PENDING', lines: expected };
const received: InboundOrderState = {
  status: 'RECEIVED',
  lines: [
    { sku: 'SET', lot: 'WO-1', expiresOn: null, expected: 5, received: 5, putAway: 0 },
    { sku: 'CARD', lot: null, expiresOn: null, expected: 2, received: 2, putAway: 0 },
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
    const create: InboundOrderCommand = {
      type: 'create',
      expected: [
        { sku: 'SET', quantity: 5, lot: 'WO-1' },
        { sku: 'CARD', quantity: 2 },
      ],
    };
    expect(decide(noInboundOrder, create)).toEqual({ kind: 'accepted', events: [{ type: 'Created', expected: create.expected }] });
    expect(after(noInboundOrder, create)).toEqual(pending);
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

describe('inbound order lots: one lot per line', () => {
  const receiving = (state: InboundOrderState, ...receipt: ReceivedGoods[]) => after(state, { type: 'receive', receipt });
  const lineOf = (state: InboundOrderState, sku: string) => state.lines.find((line) => line.sku === sku)!;

  it('keeps the expected lot when the first receipt names none', () => {
    expect(lineOf(receiving(pending, { sku: 'SET', quantity: 2 }), 'SET')).toMatchObject({ lot: 'WO-1', expiresOn: null, received: 2 });
  });

  it('takes the lot printed on the goods, and its expiry, at the first receipt of the line', () => {
    const first = receiving(pending, { sku: 'SET', quantity: 2, lot: 'PRINTED-7', expiresOn: '2027-06-30' });
    expect(lineOf(first, 'SET')).toEqual({ sku: 'SET', lot: 'PRINTED-7', expiresOn: '2027-06-30', expected: 5, received: 2, putAway: 0 });
    // An untracked line may be given an expiry alone; the other line keeps its lot.
    expect(lineOf(receiving(pending, { sku: 'CARD', quantity: 1, expiresOn: '2027-01-01' }), 'CARD')).toMatchObject({ lot: null, expiresOn: '2027-01-01' });
    expect(lineOf(first, 'CARD')).toMatchObject({ lot: null, expiresOn: null });
  });

  it('accepts a later receipt naming the same lot and expiry, or none', () => {
    const first = receiving(pending, { sku: 'SET', quantity: 2, lot: 'PRINTED-7', expiresOn: '2027-06-30' });
    const second = receiving(first, { sku: 'SET', quantity: 2, lot: 'PRINTED-7', expiresOn: '2027-06-30' });
    const third = receiving(second, { sku: 'SET', quantity: 1 });
    expect(lineOf(third, 'SET')).toMatchObject({ lot: 'PRINTED-7', expiresOn: '2027-06-30', received: 5 });
  });

  it('refuses a later receipt naming another lot or expiry, naming the field, and changes nothing', () => {
    const first = receiving(pending, { sku: 'SET', quantity: 2, lot: 'PRINTED-7', expiresOn: '2027-06-30' });
    expect(
      decide(first, {
        type: 'receive',
        receipt: [
          { sku: 'CARD', quantity: 1 },
          { sku: 'SET', quantity: 1, lot: 'OTHER' },
        ],
      }),
    ).toEqual({
      kind: 'refused',
      errors: [{ index: 1, field: 'lot', message: 'SET is being received as lot PRINTED-7: one lot per line, so OTHER cannot be received on it' }],
    });
    expect(decide(first, { type: 'receive', receipt: [{ sku: 'SET', quantity: 1, lot: 'PRINTED-7', expiresOn: '2028-01-01' }] })).toEqual({
      kind: 'refused',
      errors: [{ index: 0, field: 'expiresOn', message: 'SET is being received with expiry 2027-06-30: a lot has one expiry, not 2028-01-01' }],
    });
    // The expected lot counts as the line's lot once goods came in under it.
    const underExpected = receiving(pending, { sku: 'SET', quantity: 1 });
    expect(decide(underExpected, { type: 'receive', receipt: [{ sku: 'SET', quantity: 1, lot: 'PRINTED-7' }] })).toMatchObject({
      kind: 'refused',
      errors: [{ index: 0, field: 'lot' }],
    });
    // Two lots for one line within one receipt: the second is refused.
    expect(
      decide(pending, {
        type: 'receive',
        receipt: [
          { sku: 'SET', quantity: 1, lot: 'A' },
          { sku: 'SET', quantity: 1, lot: 'B' },
        ],
      }),
    ).toMatchObject({ kind: 'refused', errors: [{ index: 1, field: 'lot' }] });
    expect(isLotConflict({ index: 0, field: 'lot', message: '' })).toBe(true);
    expect(isLotConflict({ index: 0, field: 'quantity', message: '' })).toBe(false);
  });

  it('puts away under the lot the line was received as', () => {
    const full = receiving(pending, { sku: 'SET', quantity: 5, lot: 'PRINTED-7' }, { sku: 'CARD', quantity: 2 });
    const shelved = after(full, { type: 'putAway', putaways: [{ sku: 'SET', quantity: 5, locationCode: 'FG-01' }], knownLocations });
    expect(lineOf(shelved, 'SET')).toMatchObject({ lot: 'PRINTED-7', putAway: 5 });
  });

  describe('a putaway inventory refused', () => {
    const refusal = { field: 'quantity', reason: 'FG-01 holds 2147483000 of SET: at most 647 more fit in one bin, not 5' };
    const putAwayAll = after(received, {
      type: 'putAway',
      putaways: [
        { sku: 'SET', quantity: 5, locationCode: 'FG-01' },
        { sku: 'CARD', quantity: 2, locationCode: 'FG-01' },
      ],
      knownLocations,
    });
    const shelvedSet = { id: 'p-1', sku: 'SET', quantity: 5, locationCode: 'FG-01', refused: false };

    it('gives its goods back to the line: a put-away order is received again', () => {
      expect(putAwayAll.status).toBe('PUT_AWAY');
      const reopened = after(putAwayAll, { type: 'reopenPutaway', putaway: shelvedSet, refusal });
      expect(reopened.status).toBe('RECEIVED');
      expect(lineOf(reopened, 'SET')).toMatchObject({ received: 5, putAway: 0 });
      expect(lineOf(reopened, 'CARD')).toMatchObject({ received: 2, putAway: 2 });
      // Put away elsewhere, the order is put away again.
      const elsewhere = after(reopened, { type: 'putAway', putaways: [{ sku: 'SET', quantity: 5, locationCode: 'FG-01' }], knownLocations });
      expect(elsewhere.status).toBe('PUT_AWAY');
    });

    it('records the refusal on the event, for the putaway and the progress it announces', () => {
      expect(decide(putAwayAll, { type: 'reopenPutaway', putaway: shelvedSet, refusal })).toEqual({
        kind: 'accepted',
        events: [{ type: 'PutawayReopened', putaway: shelvedSet, refusal }],
      });
    });

    it('ignores a refusal heard before, or of a putaway the order does not have', () => {
      expect(decide(putAwayAll, { type: 'reopenPutaway', putaway: { ...shelvedSet, refused: true }, refusal })).toEqual({
        kind: 'ignored',
        reason: 'putaway p-1 was refused already',
      });
      expect(decide(putAwayAll, { type: 'reopenPutaway', putaway: null, refusal })).toMatchObject({ kind: 'ignored' });
      expect(decide(noInboundOrder, { type: 'reopenPutaway', putaway: shelvedSet, refusal })).toMatchObject({ kind: 'ignored' });
    });

    it('cannot give back more than was put away: a bug, not a refusal', () => {
      expect(() => evolve(received, { type: 'PutawayReopened', putaway: shelvedSet, refusal })).toThrow('5 of SET were not put away');
    });
  });
});
