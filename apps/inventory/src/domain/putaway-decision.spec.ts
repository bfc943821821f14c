import { MAX_STORED_QUANTITY } from '@wo/contracts/rest';
import { decidePutaway, type PutawayTarget } from './putaway-decision';

describe('decidePutaway', () => {
  const target: PutawayTarget = { sku: 'SOAP', locationCode: 'B-01', quantity: 5, locationKnown: true, productKnown: true, onHand: 10 };

  it('shelves what the bin can hold, up to the most its column holds', () => {
    expect(decidePutaway(target)).toEqual({ kind: 'shelved' });
    expect(decidePutaway({ ...target, onHand: MAX_STORED_QUANTITY - 5 })).toEqual({ kind: 'shelved' });
  });

  it('refuses a putaway that would take the bin past the most it holds, naming the quantity and what still fits', () => {
    expect(decidePutaway({ ...target, onHand: MAX_STORED_QUANTITY - 4 })).toEqual({
      kind: 'refused',
      field: 'quantity',
      reason: `B-01 holds ${MAX_STORED_QUANTITY - 4} of SOAP: at most 4 more fit in one bin, not 5`,
    });
  });

  it('refuses a location the warehouse does not have, before anything else', () => {
    expect(decidePutaway({ ...target, locationKnown: false, productKnown: false, onHand: MAX_STORED_QUANTITY })).toEqual({
      kind: 'refused',
      field: 'locationCode',
      reason: 'no location B-01 in this warehouse',
    });
  });

  it('refuses a product the merchant does not have', () => {
    expect(decidePutaway({ ...target, productKnown: false })).toMatchObject({ kind: 'refused', field: 'sku' });
  });
});
