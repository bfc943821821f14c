import type { StockRow } from '@wo/contracts/rest';
import { describe, expect, it } from 'vitest';
import { filterStockRows, locationOptions, productKey } from './stock';

const row = (sku: string, locations: StockRow['locations'] = []): StockRow => ({
  warehouseId: 'wh',
  merchantId: 'm',
  sku,
  lotTracked: false,
  onHand: 0,
  reserved: 0,
  available: 0,
  locations,
});
const names = new Map([
  [productKey('m', 'CHOC-BAR'), 'Dark chocolate bar'],
  [productKey('m', 'MUG-WHITE'), 'White mug'],
]);

describe('filterStockRows', () => {
  it('matches part of the SKU or the product name, any case', () => {
    const rows = [row('CHOC-BAR'), row('MUG-WHITE')];
    expect(filterStockRows(rows, 'choc', names).map((r) => r.sku)).toEqual(['CHOC-BAR']);
    expect(filterStockRows(rows, 'mug', names).map((r) => r.sku)).toEqual(['MUG-WHITE']);
    expect(filterStockRows(rows, 'white', names).map((r) => r.sku)).toEqual(['MUG-WHITE']);
    expect(filterStockRows(rows, '  ', names)).toHaveLength(2);
  });
});

describe('locationOptions', () => {
  it('labels each location with what is on hand there', () => {
    const stocked = row('CHOC-BAR', [{ locationCode: 'A-02', onHand: 120, reserved: 0, available: 120, lots: [] }]);
    expect(locationOptions(['A-01', 'A-02'], stocked)).toEqual([
      { value: 'A-01', label: 'A-01' },
      { value: 'A-02', label: 'A-02 (120 on hand)' },
    ]);
  });
});
