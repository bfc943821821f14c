import { UpstreamPool } from './upstream-pool';

describe('UpstreamPool: the replicas of one service, in turn', () => {
  it('takes the replicas in turn', () => {
    const pool = new UpstreamPool(['http://a', 'http://b', 'http://c']);
    const picks = Array.from({ length: 6 }, () => pool.pick());
    expect(new Set(picks.slice(0, 3))).toEqual(new Set(['http://a', 'http://b', 'http://c']));
    expect(picks.slice(3)).toEqual(picks.slice(0, 3));
  });

  it('passes over a replica that refused a connection, and offers none once every one was tried', () => {
    const pool = new UpstreamPool(['http://a', 'http://b']);
    pool.refused('http://a');
    expect(Array.from({ length: 4 }, () => pool.pick())).toEqual(['http://b', 'http://b', 'http://b', 'http://b']);
    expect(pool.pick(['http://b'])).toBe('http://a');
    expect(pool.pick(['http://a', 'http://b'])).toBeNull();
  });

  it('still tries refused replicas when every one has refused (one may be back)', () => {
    const pool = new UpstreamPool(['http://a', 'http://b']);
    pool.refused('http://a');
    pool.refused('http://b');
    expect(['http://a', 'http://b']).toContain(pool.pick());
  });

  it('with a single URL is a fixed target', () => {
    const pool = new UpstreamPool(['http://only']);
    expect([pool.pick(), pool.pick()]).toEqual(['http://only', 'http://only']);
  });
});
