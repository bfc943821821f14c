import { describe, expect, it } from 'vitest';
import {
  emptyWorkOrderFilters,
  hasActiveFilters,
  parseWorkOrderFilters,
  serializeWorkOrderFilters,
  withFilter,
  withoutFilters,
  type WorkOrderFilters,
} from './use-work-order-filters';

const parse = (query: string) => parseWorkOrderFilters(new URLSearchParams(query));

describe('work order filters in the URL', () => {
  it('reads every filter, each with several values, and the sort and page', () => {
    expect(
      parse(
        'status=DRAFT&status=ALLOCATED&merchantId=m1&q=WO-1&q=gift&inputSku=CHOC-BAR&outputSku=GIFT-SET-HOLIDAY&priority=URGENT&priority=SOON&page=2&sort=createdAt',
      ),
    ).toEqual({
      status: ['DRAFT', 'ALLOCATED'],
      merchantId: ['m1'],
      q: ['WO-1', 'gift'],
      inputSku: ['CHOC-BAR'],
      outputSku: ['GIFT-SET-HOLIDAY'],
      priority: ['URGENT'],
      sort: 'createdAt',
      page: 2,
    });
  });

  it('falls back to the defaults for what it does not understand', () => {
    expect(parse('status=NOPE&status=DRAFT&sort=name&page=-3&q=&q=%20%20')).toEqual({ ...emptyWorkOrderFilters, status: ['DRAFT'] });
    expect(parse('page=1.5')).toEqual(emptyWorkOrderFilters);
  });

  it('round-trips: what it writes it reads back the same', () => {
    const filters: WorkOrderFilters = {
      status: ['OUT_OF_STOCK', 'CANCELED'],
      merchantId: ['m1', 'm2'],
      q: ['holiday'],
      inputSku: ['CHOC-BAR', 'GIFT-BOX'],
      outputSku: ['GIFT-SET-HOLIDAY'],
      priority: ['URGENT', 'HIGH'],
      sort: 'createdAt',
      page: 3,
    };
    const query = serializeWorkOrderFilters(filters).toString();
    expect(query).toBe(
      'status=OUT_OF_STOCK&status=CANCELED&merchantId=m1&merchantId=m2&q=holiday&inputSku=CHOC-BAR&inputSku=GIFT-BOX&outputSku=GIFT-SET-HOLIDAY&priority=URGENT&priority=HIGH&sort=createdAt&page=3',
    );
    expect(parse(query)).toEqual(filters);
  });

  it('leaves the defaults out, so the plain list has a plain URL', () => {
    expect(serializeWorkOrderFilters(emptyWorkOrderFilters).toString()).toBe('');
    expect(serializeWorkOrderFilters({ ...emptyWorkOrderFilters, q: ['a', 'a'] }).toString()).toBe('q=a');
  });

  it('goes back to page 1 when a filter changes, and clearing keeps the sort', () => {
    const onPage4: WorkOrderFilters = { ...emptyWorkOrderFilters, status: ['DRAFT'], sort: 'createdAt', page: 4 };
    expect(withFilter(onPage4, 'inputSku', ['CHOC-BAR'])).toEqual({ ...onPage4, inputSku: ['CHOC-BAR'], page: 1 });
    expect(withoutFilters(onPage4)).toEqual({ ...emptyWorkOrderFilters, sort: 'createdAt' });
  });

  it('tells whether any filter is set (sort and page are not filters)', () => {
    expect(hasActiveFilters({ ...emptyWorkOrderFilters, sort: 'createdAt', page: 2 })).toBe(false);
    expect(hasActiveFilters({ ...emptyWorkOrderFilters, outputSku: ['X'] })).toBe(true);
  });
});
