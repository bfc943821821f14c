import { unsafeTextErrors } from './unsafe-text';

describe('unsafeTextErrors', () => {
  it('passes ordinary text, emoji (a proper surrogate pair) and non-string values', () => {
    expect(unsafeTextErrors({ name: 'Kit 🎁 ü', quantity: 3, lines: [{ sku: 'A-1' }], none: null })).toEqual([]);
  });

  it.each([
    ['a NUL', 'a\u0000b'],
    ['a lone high surrogate', 'a\uD800'],
    ['a lone low surrogate', '\uDC00b'],
    ['two high surrogates', '\uD83D\uD83D'],
  ])('names the field holding %s', (_case, text) => {
    expect(unsafeTextErrors({ materials: [{ sku: 'ok' }, { sku: text }] })).toEqual([{ field: 'materials[1].sku', message: expect.any(String) }]);
  });

  it('names a query parameter or path id under its prefix, and a bad key', () => {
    expect(unsafeTextErrors({ q: ['ok', 'x\u0000'] }, 'query').map((error) => error.field)).toEqual(['query.q[1]']);
    expect(unsafeTextErrors('id\u0000', 'path.id').map((error) => error.field)).toEqual(['path.id']);
    expect(unsafeTextErrors({ ['k\u0000']: 1 }).map((error) => error.field)).toEqual(['k\u0000']);
  });

  it('refuses nesting deeper than any request needs instead of walking it', () => {
    let deep: unknown = 'x';
    for (let level = 0; level < 100; level++) deep = [deep];
    expect(unsafeTextErrors({ junk: deep })).toEqual([expect.objectContaining({ message: expect.stringContaining('nested') })]);
  });
});
