import { describe, expect, it } from 'vitest';
import { may } from './permissions';
import type { ConsolePrincipal } from './principal';

const as = (...roles: ConsolePrincipal['roles']): ConsolePrincipal => ({ subject: 's', name: 'n', roles, merchantIds: null });

describe('may', () => {
  it('follows the API’s policy: a picker picks but does not confirm; a planner confirms but does not pick', () => {
    expect(may(as('picker'), 'work-orders.confirm')).toBe(false);
    expect(may(as('picker'), 'picking.change')).toBe(true);
    expect(may(as('planner'), 'work-orders.confirm')).toBe(true);
    expect(may(as('planner'), 'picking.change')).toBe(false);
  });

  it('lets admin do everything and nobody signed out anything', () => {
    expect(may(as('admin'), 'merchants.create')).toBe(true);
    expect(may(null, 'work-orders.create')).toBe(false);
  });
});
