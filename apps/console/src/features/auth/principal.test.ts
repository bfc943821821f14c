import { describe, expect, it } from 'vitest';
import { principalOf } from './principal';

const token = (claims: object) => `header.${btoa(JSON.stringify(claims)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.signature`;

describe('principalOf', () => {
  it('reads the subject, name and known roles of the access token', () => {
    expect(principalOf(token({ sub: 'planner', name: 'Pia Planner', roles: ['planner', 'astronaut'] }))).toEqual({
      subject: 'planner',
      name: 'Pia Planner',
      roles: ['planner'],
      merchantIds: null,
    });
  });

  it('scopes a merchant user to its merchants, and to none when the token names none', () => {
    expect(principalOf(token({ sub: 'm', roles: ['merchant-user'], merchant_ids: ['acme'] }))?.merchantIds).toEqual(['acme']);
    expect(principalOf(token({ sub: 'm', roles: ['merchant-user'] }))?.merchantIds).toEqual([]);
  });

  it('falls back to the subject for the name, and answers null for what is not a JWT', () => {
    expect(principalOf(token({ sub: 'abc' }))?.name).toBe('abc');
    expect(principalOf('opaque-token')).toBeNull();
    expect(principalOf('a.not-base64-json.c')).toBeNull();
  });
});
