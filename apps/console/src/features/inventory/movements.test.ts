import type { StockMovement } from '@wo/contracts/rest';
import { describe, expect, it } from 'vitest';
import { describeMovement, newestFirst } from './movements';

const movement = (id: string, createdAt: string): StockMovement => ({
  id,
  warehouseId: 'wh',
  merchantId: 'm',
  sku: 'S',
  locationCode: 'A-01',
  quantity: 1,
  lot: null,
  kind: 'ADJUSTMENT',
  reason: 'restock',
  reference: null,
  createdAt,
});

describe('newestFirst', () => {
  it('puts the latest movement on top, by id when they share a moment', () => {
    const sorted = newestFirst([movement('1', '2026-01-01T00:00:00Z'), movement('3', '2026-01-02T00:00:00Z'), movement('2', '2026-01-02T00:00:00Z')]);
    expect(sorted.map((m) => m.id)).toEqual(['3', '2', '1']);
  });
});

describe('describeMovement', () => {
  it('shows the reason, and the reference when there is one', () => {
    expect(describeMovement({ reason: 'restock', reference: null })).toBe('restock');
    expect(describeMovement({ reason: 'work order completed', reference: 'res-1' })).toBe('work order completed · res-1');
    expect(describeMovement({ reason: '', reference: 'res-1' })).toBe('res-1');
  });
});
