import { describe, expect, it } from 'vitest';
import { may, mayRead } from './permissions';
import type { ConsolePrincipal } from './principal';

const as = (...roles: ConsolePrincipal['roles']): ConsolePrincipal => ({ subject: 's', name: 'n', roles, merchantIds: null });
const scoped = (...roles: ConsolePrincipal['roles']): ConsolePrincipal => ({ ...as(...roles), merchantIds: ['acme'] });

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

  it('answers from ROUTE_ACCESS, merchant scope included: a scoped token reads its own inbound orders but does no warehouse work', () => {
    expect(may(scoped('merchant-user'), 'inbound.read')).toBe(true);
    expect(may(scoped('merchant-user'), 'inbound.putAway')).toBe(false);
    expect(may(scoped('merchant-user'), 'work-orders.confirm')).toBe(true);
    expect(may(as('receiver'), 'inbound.receive')).toBe(true);
    expect(may(scoped('receiver'), 'inbound.receive')).toBe(false);
    expect(may(scoped('picker'), 'picking.change')).toBe(false);
    expect(mayRead(scoped('merchant-user'), 'getInboundOrder')).toBe(true);
    expect(mayRead(scoped('merchant-user'), 'getPickingList')).toBe(false);
    expect(mayRead(scoped('sre'), 'listSagas')).toBe(false);
    expect(mayRead(as('sre'), 'launchRockets')).toBe(false);
  });
});
