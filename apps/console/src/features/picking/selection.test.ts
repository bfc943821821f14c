import { describe, expect, it } from 'vitest';
import { allSelected, someSelected, toggle, toggleAll, visibleSelection } from './selection';

describe('selection', () => {
  it('ticks and unticks one work order', () => {
    expect(toggle([], 'b')).toEqual(['b']);
    expect(toggle(['b'], 'a')).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'a')).toEqual(['b']);
  });

  it('selects all, then clears all', () => {
    expect(toggleAll(['a'], ['b', 'a'])).toEqual(['a', 'b']);
    expect(toggleAll(['a', 'b'], ['a', 'b'])).toEqual([]);
  });

  it('knows whether all or some are ticked', () => {
    expect(allSelected([], [])).toBe(false);
    expect(allSelected(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(someSelected(['a'], ['a', 'b'])).toBe(true);
    expect(someSelected(['a', 'b'], ['a', 'b'])).toBe(false);
    expect(someSelected([], ['a'])).toBe(false);
  });

  it('forgets orders no longer waiting', () => expect(visibleSelection(['a', 'gone'], ['a', 'b'])).toEqual(['a']));
});
