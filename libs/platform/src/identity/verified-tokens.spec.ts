import { VerifiedTokens } from './verified-tokens';

describe('tokens verified lately', () => {
  const now = 1_000_000;

  it('answers a token it kept until the token expires', () => {
    const tokens = new VerifiedTokens<string>({ maxAgeMs: 60_000, maxEntries: 10 });
    tokens.set('a', 'alice', now + 30_000, now);
    expect(tokens.get('a', now + 29_999)).toBe('alice');
    expect(tokens.get('a', now + 30_000)).toBeUndefined();
    expect(tokens.get('b', now)).toBeUndefined();
  });

  it('keeps none longer than its largest age, however long the token runs', () => {
    const tokens = new VerifiedTokens<string>({ maxAgeMs: 60_000, maxEntries: 10 });
    tokens.set('a', 'alice', now + 3_600_000, now);
    expect(tokens.get('a', now + 59_999)).toBe('alice');
    expect(tokens.get('a', now + 60_000)).toBeUndefined();
  });

  it('does not keep a token that has already expired', () => {
    const tokens = new VerifiedTokens<string>({ maxAgeMs: 60_000, maxEntries: 10 });
    tokens.set('a', 'alice', now - 1, now);
    expect(tokens.get('a', now)).toBeUndefined();
  });

  it('lets the oldest go when full', () => {
    const tokens = new VerifiedTokens<number>({ maxAgeMs: 60_000, maxEntries: 2 });
    for (const [index, token] of ['a', 'b', 'c'].entries()) tokens.set(token, index, now + 60_000, now);
    expect([tokens.get('a', now), tokens.get('b', now), tokens.get('c', now)]).toEqual([undefined, 1, 2]);
  });
});
