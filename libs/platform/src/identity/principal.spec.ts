import { mayAct } from './access-policy';
import { InvalidClaims, principalFromClaims, seesMerchant } from './principal';

describe('principalFromClaims', () => {
  it('reads subject, name and the known roles; staff without merchants see every merchant', () => {
    const principal = principalFromClaims({ sub: 'u1', name: 'Pia', roles: ['planner', 'someone-elses-role'] });
    expect(principal).toEqual({ subject: 'u1', name: 'Pia', roles: ['planner'], merchantIds: 'all' });
    expect(seesMerchant(principal, 'm1')).toBe(true);
  });

  it('scopes a token that names merchants to them', () => {
    const principal = principalFromClaims({ sub: 'u2', roles: ['merchant-user'], merchant_ids: ['m1'] });
    expect(principal.merchantIds).toEqual(['m1']);
    expect(principal.name).toBe('u2');
    expect(seesMerchant(principal, 'm2')).toBe(false);
  });

  it('gives a merchant user without merchants none, never all', () => {
    expect(principalFromClaims({ sub: 'u3', roles: ['merchant-user'] }).merchantIds).toEqual([]);
  });

  it('refuses claims without a subject or with roles that are not a list', () => {
    expect(() => principalFromClaims({ roles: ['admin'] })).toThrow(InvalidClaims);
    expect(() => principalFromClaims({ sub: 'u4', roles: 'admin' })).toThrow(InvalidClaims);
  });
});

describe('mayAct', () => {
  const as = (...roles: string[]) => principalFromClaims({ sub: 'x', roles });

  it('allows a role the route names, and admin everywhere', () => {
    expect(mayAct(as('planner'), ['planner', 'merchant-user'])).toBe(true);
    expect(mayAct(as('admin'), ['sre'])).toBe(true);
  });

  it('refuses other roles, no roles, and routes that name none (admin only)', () => {
    expect(mayAct(as('picker'), ['planner'])).toBe(false);
    expect(mayAct(as(), ['planner'])).toBe(false);
    expect(mayAct(as('sre'), [])).toBe(false);
  });
});
