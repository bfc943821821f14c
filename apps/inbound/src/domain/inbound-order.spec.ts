import { putAway, receive, statusOf } from './inbound-order';

const expected = [
  { sku: 'SET', expected: 5, received: 0, putAway: 0 },
  { sku: 'CARD', expected: 2, received: 0, putAway: 0 },
];

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
    const received = [
      { sku: 'SET', expected: 5, received: 5, putAway: 0 },
      { sku: 'CARD', expected: 2, received: 2, putAway: 0 },
    ];
    expect(putAway(received, [{ sku: 'SET', quantity: 6 }])).toMatchObject({ errors: [{ field: 'quantity' }] });
    const done = putAway(received, [
      { sku: 'SET', quantity: 5 },
      { sku: 'CARD', quantity: 2 },
    ]);
    if (!('lines' in done)) throw new Error('expected lines');
    expect(statusOf(done.lines)).toBe('PUT_AWAY');
  });
});
