import { restRoutes } from './openapi-routes';
import { accessOf, mayCall, ROUTE_ACCESS } from './route-access';

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
});
