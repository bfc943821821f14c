import { describe, expect, it } from 'vitest';
import { allowedListActions } from './list-actions';

describe('allowedListActions', () => {
  it('offers Start and Cancel on a Created list', () => expect(allowedListActions('CREATED')).toEqual(['start', 'cancel']));
  it('offers Mark Done and Cancel on a list In Progress', () => expect(allowedListActions('IN_PROGRESS')).toEqual(['complete', 'cancel']));
  it('offers nothing once the list is Done or Canceled', () => {
    expect(allowedListActions('DONE')).toEqual([]);
    expect(allowedListActions('CANCELED')).toEqual([]);
  });
});
