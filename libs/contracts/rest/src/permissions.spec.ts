import { ACTION_ROLES, rolesMayTake } from './permissions';

describe('who may take which action', () => {
  it('lets admin take every action, merchants and warehouses included', () => {
    for (const action of Object.keys(ACTION_ROLES) as (keyof typeof ACTION_ROLES)[]) expect(rolesMayTake(['admin'], action)).toBe(true);
  });

  it('keeps merchants and warehouses to admin alone', () => {
    expect(rolesMayTake(['planner', 'inventory-clerk', 'sre'], 'merchants.create')).toBe(false);
    expect(rolesMayTake(['inventory-clerk'], 'warehouses.create')).toBe(false);
  });

  it('gives a picker picking, not Confirm', () => {
    expect(rolesMayTake(['picker'], 'work-orders.confirm')).toBe(false);
    expect(rolesMayTake(['picker'], 'work-orders.createPickingList')).toBe(true);
    expect(rolesMayTake(['picker'], 'picking.change')).toBe(true);
  });

  it('lets a merchant user create and confirm its own orders and read their inbound orders, and change nothing of the warehouse floor', () => {
    expect(rolesMayTake(['merchant-user'], 'work-orders.create')).toBe(true);
    expect(rolesMayTake(['merchant-user'], 'work-orders.confirm')).toBe(true);
    expect(rolesMayTake(['merchant-user'], 'work-orders.cancel')).toBe(false);
    expect(rolesMayTake(['merchant-user'], 'pickingLists.read')).toBe(false);
    expect(rolesMayTake(['merchant-user'], 'inbound.read')).toBe(true);
    expect(rolesMayTake(['merchant-user'], 'inbound.receive')).toBe(false);
    expect(rolesMayTake(['merchant-user'], 'inbound.putAway')).toBe(false);
    expect(rolesMayTake(['merchant-user'], 'picking.change')).toBe(false);
  });

  it('ignores roles it does not know and gives nothing without roles', () => {
    expect(rolesMayTake(['superuser'], 'boms.change')).toBe(false);
    expect(rolesMayTake([], 'inventory.adjust')).toBe(false);
  });
});
