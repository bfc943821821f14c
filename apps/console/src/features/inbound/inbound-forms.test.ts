import type { InboundLine } from '@wo/contracts/rest';
import { describe, expect, it } from 'vitest';
import { buildPutawayBody, buildReceiveBody, lineErrorsFromApi, putawayDefaults, receiveDefaults } from './inbound-forms';

const lines: InboundLine[] = [
  { sku: 'GIFT-SET-HOLIDAY', lot: null, expiresOn: null, expected: 5, received: 2, putAway: 1 },
  { sku: 'TEA-SET', lot: null, expiresOn: null, expected: 3, received: 3, putAway: 3 },
];

describe('receive', () => {
  it('defaults each line to what is still expected', () => expect(receiveDefaults(lines)).toEqual({ 'GIFT-SET-HOLIDAY': 3, 'TEA-SET': 0 }));

  it('leaves lines with nothing to receive out of the body', () => {
    expect(buildReceiveBody({ 'GIFT-SET-HOLIDAY': 2, 'TEA-SET': 0, EMPTY: '' })).toEqual({ lines: [{ sku: 'GIFT-SET-HOLIDAY', quantity: 2 }] });
    expect(buildReceiveBody({ 'TEA-SET': 0 })).toBeNull();
  });
});

describe('putaway', () => {
  it('defaults to received and not yet put away, at the SKU’s last location', () => {
    const defaults = putawayDefaults({
      lines,
      putaways: [{ sku: 'GIFT-SET-HOLIDAY', lot: null, locationCode: 'FG-01', quantity: 1, at: '2026-12-01T08:00:00.000Z' }],
    });
    expect(defaults).toEqual({ 'GIFT-SET-HOLIDAY': { quantity: 1, locationCode: 'FG-01' }, 'TEA-SET': { quantity: 0, locationCode: null } });
  });

  it('builds the body from lines with a quantity, each at its location', () => {
    expect(buildPutawayBody({ A: { quantity: 2, locationCode: 'FG-01' }, B: { quantity: 0, locationCode: null } })).toEqual({
      body: { lines: [{ sku: 'A', quantity: 2, locationCode: 'FG-01' }] },
      errors: {},
    });
  });

  it('asks for a location where a quantity has none', () => {
    expect(buildPutawayBody({ A: { quantity: 2, locationCode: null } })).toEqual({ body: null, errors: { A: { locationCode: 'Choose a location' } } });
  });
});

describe('lineErrorsFromApi', () => {
  it('puts a field error on the SKU that was at that place in the body', () => {
    const body = { lines: [{ sku: 'B' }, { sku: 'A' }] };
    expect(lineErrorsFromApi({ 'lines[1].quantity': 'over-receipt', 'lines[0].locationCode': 'no location X', other: 'ignored' }, body)).toEqual({
      A: { quantity: 'over-receipt' },
      B: { locationCode: 'no location X' },
    });
  });
});
