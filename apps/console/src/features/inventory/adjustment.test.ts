import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-client';
import { adjustmentErrorsFrom, buildAdjustmentBody, formatSignedQuantity } from './adjustment';

const filled = { merchantId: 'm-1', sku: ' CHOC-BAR ', locationCode: 'A-02', quantity: 30, reason: ' restock ' };

describe('buildAdjustmentBody', () => {
  it('builds the body of POST /inventory/adjustments, trimmed, in the given warehouse', () => {
    expect(buildAdjustmentBody('wh-1', filled)).toEqual({
      ok: true,
      body: { warehouseId: 'wh-1', merchantId: 'm-1', sku: 'CHOC-BAR', locationCode: 'A-02', quantity: 30, reason: 'restock' },
    });
  });

  it('keeps a negative quantity (a correction down)', () => {
    const draft = buildAdjustmentBody('wh-1', { ...filled, quantity: -4 });
    expect(draft.ok && draft.body.quantity).toBe(-4);
  });

  it('says what is missing, by the API field names', () => {
    const draft = buildAdjustmentBody('wh-1', { merchantId: null, sku: ' ', locationCode: null, quantity: '', reason: '' });
    expect(draft.ok).toBe(false);
    expect(!draft.ok && Object.keys(draft.errors).sort()).toEqual(['locationCode', 'merchantId', 'quantity', 'reason', 'sku']);
  });

  it('refuses zero and fractions', () => {
    const zero = buildAdjustmentBody('wh-1', { ...filled, quantity: 0 });
    const fraction = buildAdjustmentBody('wh-1', { ...filled, quantity: 1.5 });
    expect(!zero.ok && zero.errors.quantity).toBe('Must not be zero');
    expect(!fraction.ok && fraction.errors.quantity).toMatch(/whole number/);
  });
});

describe('buildAdjustmentBody for a lot-tracked SKU', () => {
  it('names the lot, with its expiry when given', () => {
    const withExpiry = buildAdjustmentBody('wh-1', { ...filled, lotTracked: true, lot: ' HNY-1 ', expiresOn: '2027-03-31' });
    expect(withExpiry.ok && withExpiry.body.lot).toEqual({ code: 'HNY-1', expiresOn: '2027-03-31' });
    const without = buildAdjustmentBody('wh-1', { ...filled, lotTracked: true, lot: 'HNY-1', expiresOn: '' });
    expect(without.ok && without.body.lot).toEqual({ code: 'HNY-1' });
  });

  it('asks for the lot, refuses a code with spaces and a malformed day', () => {
    const missing = buildAdjustmentBody('wh-1', { ...filled, lotTracked: true, lot: '' });
    expect(!missing.ok && missing.errors.lot).toBe('Enter the lot');
    const bad = buildAdjustmentBody('wh-1', { ...filled, lotTracked: true, lot: 'HNY 1', expiresOn: '31/03/2027' });
    expect(!bad.ok && bad.errors).toEqual({ lot: expect.stringMatching(/without spaces/), 'lot.expiresOn': expect.stringMatching(/YYYY-MM-DD/) });
  });

  it('sends no lot for an untracked SKU, whatever the form held', () => {
    const draft = buildAdjustmentBody('wh-1', { ...filled, lotTracked: false, lot: 'HNY-1' });
    expect(draft.ok && 'lot' in draft.body).toBe(false);
  });
});

describe('adjustmentErrorsFrom', () => {
  it('puts the lot code’s error on the Lot field', () => {
    const error = new ApiError({ title: 'Invalid input', status: 400, errors: [{ field: 'lot.code', message: 'printable ASCII without spaces' }] });
    expect(adjustmentErrorsFrom(error)).toEqual({ 'lot.code': 'printable ASCII without spaces', lot: 'printable ASCII without spaces' });
  });

  it('maps a 400 problem to its fields', () => {
    const error = new ApiError({ title: 'Invalid input', status: 400, errors: [{ field: 'sku', message: 'unknown SKU X' }] });
    expect(adjustmentErrorsFrom(error)).toEqual({ sku: 'unknown SKU X' });
  });

  it('puts a 409 detail on the field it names', () => {
    const error = new ApiError({ title: 'Action not allowed now', status: 409, detail: 'only 3 on hand at A-01', field: 'quantity' });
    expect(adjustmentErrorsFrom(error)).toEqual({ quantity: 'only 3 on hand at A-01' });
  });

  it('gives nothing for other failures', () => {
    expect(adjustmentErrorsFrom(new Error('boom'))).toEqual({});
  });
});

it('formatSignedQuantity shows the sign of a change', () => {
  expect(formatSignedQuantity(40)).toBe('+40');
  expect(formatSignedQuantity(-5)).toBe('-5');
});
