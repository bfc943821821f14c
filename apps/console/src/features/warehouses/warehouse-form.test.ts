import { describe, expect, it } from 'vitest';
import { buildWarehouseBody, checkCode, warehouseFieldErrors } from './warehouse-form';

describe('buildWarehouseBody', () => {
  it('trims, and keeps each location once in the order given', () => {
    expect(buildWarehouseBody({ code: ' WH2 ', name: ' Second ', locations: ['A-01', ' A-02', 'A-01', ''] })).toEqual({
      ok: true,
      body: { code: 'WH2', name: 'Second', locations: ['A-01', 'A-02'] },
    });
  });

  it('says what to fix before sending', () => {
    const draft = buildWarehouseBody({ code: 'W H', name: '', locations: ['ok', 'no way'] });
    expect(draft.ok).toBe(false);
    expect(!draft.ok && draft.errors).toEqual({
      code: 'Letters, digits, dot, dash or underscore only',
      name: 'Enter a name',
      locations: 'Not a valid location code: no way (letters, digits, dot, dash or underscore)',
    });
  });
});

it('checkCode accepts the API codes', () => {
  expect(checkCode('FG-01')).toBeUndefined();
  expect(checkCode('')).toBe('Enter a code');
});

it('warehouseFieldErrors puts locations[i] errors on the Locations field, naming the code', () => {
  expect(warehouseFieldErrors({ code: 'warehouse WH1 already exists', 'locations[1]': 'too long' }, ['A-01', 'B-01'])).toEqual({
    code: 'warehouse WH1 already exists',
    locations: 'B-01: too long',
  });
});
