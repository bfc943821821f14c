import type { InboundLine } from '@wo/contracts/rest';
import { describe, expect, it } from 'vitest';
import { buildPutawayBody, buildReceiveBody, lineErrorsFromApi, putawayDefaults, receiveDefaults, receiveLotDefaults, receiveLotErrors } from './inbound-forms';

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

describe('receive with lots', () => {
  const expecting: InboundLine[] = [
    { sku: 'A', lot: 'WO-WH1-00001', expiresOn: null, expected: 2, received: 0, putAway: 0 },
    { sku: 'B', lot: 'WO-WH1-00001', expiresOn: null, expected: 2, received: 1, putAway: 0 },
  ];

  it('prefills the lot each line expects', () =>
    expect(receiveLotDefaults(expecting)).toEqual({ A: { lot: 'WO-WH1-00001', expiresOn: '' }, B: { lot: 'WO-WH1-00001', expiresOn: '' } }));

  it('names a lot only where the receiver changed it, and only at the line’s first receipt', () => {
    const lots = { A: { lot: ' SUP-9 ', expiresOn: '2027-05-01' }, B: { lot: 'OTHER', expiresOn: '' } };
    expect(buildReceiveBody({ A: 2, B: 1 }, lots, expecting)).toEqual({
      lines: [
        { sku: 'A', quantity: 2, lot: 'SUP-9', expiresOn: '2027-05-01' },
        { sku: 'B', quantity: 1 },
      ],
    });
    expect(buildReceiveBody({ A: 2 }, receiveLotDefaults(expecting), expecting)).toEqual({ lines: [{ sku: 'A', quantity: 2 }] });
    // An expiry alone belongs to the lot the line expects.
    expect(buildReceiveBody({ A: 2 }, { A: { lot: 'WO-WH1-00001', expiresOn: '2027-05-01' } }, expecting)).toEqual({
      lines: [{ sku: 'A', quantity: 2, expiresOn: '2027-05-01' }],
    });
  });

  it('asks for a lot where one is expected, and for a lot to carry an expiry', () => {
    const untracked: InboundLine = { sku: 'C', lot: null, expiresOn: null, expected: 1, received: 0, putAway: 0 };
    const errors = receiveLotErrors({ A: 2, C: 1 }, { A: { lot: '', expiresOn: '' }, C: { lot: '', expiresOn: '2027-01-01' } }, [...expecting, untracked]);
    expect(errors).toEqual({ A: { lot: 'Enter the lot' }, C: { lot: 'Enter the lot the expiry belongs to' } });
  });
});

describe('putaway', () => {
  it('defaults to received and not yet put away, at the SKU’s last location', () => {
    const defaults = putawayDefaults({
      lines,
      putaways: [{ sku: 'GIFT-SET-HOLIDAY', lot: null, locationCode: 'FG-01', quantity: 1, at: '2026-12-01T08:00:00.000Z', refused: null }],
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
    expect(lineErrorsFromApi({ 'lines[0].lot': 'another lot', 'lines[0].expiresOn': 'another expiry' }, body)).toEqual({
      B: { lot: 'another lot', expiresOn: 'another expiry' },
    });
  });
});
