import { workOrderPriorities } from '@wo/contracts/rest';
import { workOrderPrioritySchema } from '@wo/contracts/work-orders';
import { priorityOf, rankOf } from './work-order-priority';

describe('work-order priority', () => {
  it('is stored as its rank, Low 1 to Urgent 4, so that a higher rank is more urgent', () => {
    expect(workOrderPriorities.map(rankOf)).toEqual([1, 2, 3, 4]);
    expect(rankOf('URGENT')).toBeGreaterThan(rankOf('HIGH'));
    expect(workOrderPriorities.map((priority) => priorityOf(rankOf(priority)))).toEqual(workOrderPriorities);
    expect(() => priorityOf(0)).toThrow('no priority of rank 0');
  });

  it('has the same names in the REST API and the public events', () => {
    expect(workOrderPrioritySchema.options).toEqual(workOrderPriorities);
  });
});
