import { restRoutes } from './openapi-routes';
import { ACTION_ROLES, type ConsoleAction } from './permissions';
import { accessOf, ACTION_ROUTES, mayCall, mayTake, ROUTE_ACCESS } from './route-access';

describe('who may call each endpoint', () => {
  it('names every route of the table, and nothing else', () => {
    expect(Object.keys(ROUTE_ACCESS).sort()).toEqual(restRoutes.map((route) => route.operationId).sort());
  });

  it('refuses to answer for a route it does not list', () => {
    expect(() => accessOf('launchRockets')).toThrow(/launchRockets is missing from ROUTE_ACCESS/);
  });

  it('lets admin call everything but lets a merchant-scoped token do no warehouse work', () => {
    for (const route of restRoutes) expect(mayCall(accessOf(route.operationId), ['admin'], false)).toBe(true);
    expect(mayCall(accessOf('listSagas'), ['admin'], true)).toBe(false);
    expect(mayCall(accessOf('listWorkOrders'), ['merchant-user'], true)).toBe(true);
    expect(mayCall(accessOf('confirmWorkOrder'), ['merchant-user'], true)).toBe(true);
    expect(mayCall(accessOf('completeWorkOrder'), ['merchant-user'], true)).toBe(false);
  });

  it('lets a merchant user read its own inbound orders, picking requests and reservations, but change none, nor read a picking list', () => {
    for (const read of ['listInboundOrders', 'getInboundOrder', 'listPickingRequests', 'listReservations']) {
      expect(mayCall(accessOf(read), ['merchant-user'], true)).toBe(true);
    }
    for (const refused of ['receiveInboundOrder', 'putAwayInboundOrder', 'createPickingList', 'listPickingLists', 'getPickingList', 'listDeadLetters']) {
      expect(mayCall(accessOf(refused), ['merchant-user'], true)).toBe(false);
    }
    // A scoped receiver reads (filtered) but does no warehouse work.
    expect(mayCall(accessOf('getInboundOrder'), ['receiver'], true)).toBe(true);
    expect(mayCall(accessOf('receiveInboundOrder'), ['receiver'], true)).toBe(false);
  });

  it('keeps registering merchants and warehouses to admin alone', () => {
    expect(accessOf('registerMerchant').roles).toEqual([]);
    expect(accessOf('registerWarehouse').roles).toEqual([]);
  });

  it('maps every console action to an endpoint whose roles are the action’s, so screens and the API agree', () => {
    for (const [action, operationId] of Object.entries(ACTION_ROUTES) as [ConsoleAction, string][]) {
      expect([action, new Set(accessOf(operationId).roles)]).toEqual([action, new Set(ACTION_ROLES[action])]);
    }
    expect(Object.keys(ACTION_ROUTES).sort()).toEqual(Object.keys(ACTION_ROLES).sort());
  });

  it('refuses warehouse work to a merchant-scoped token of a role that may do it', () => {
    expect(mayTake('inbound.receive', ['receiver'], false)).toBe(true);
    expect(mayTake('inbound.receive', ['receiver'], true)).toBe(false);
    expect(mayTake('inbound.read', ['receiver'], true)).toBe(true);
    expect(mayTake('picking.change', ['picker'], true)).toBe(false);
    expect(mayTake('work-orders.confirm', ['merchant-user'], true)).toBe(true);
  });
});
