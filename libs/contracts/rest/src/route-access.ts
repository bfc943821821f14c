import type { Role } from './identity';
import { ACTION_ROLES, type ConsoleAction } from './permissions';

/** Who may call an endpoint. */
export interface RouteAccess {
  /** The roles that may call it besides admin (who may call every one); `public` needs no token. */
  readonly roles: readonly Role[] | 'public';
  /**
   * Warehouse work for every merchant at once (picking lists, receiving, putaway, sagas, dead
   * letters): a token scoped to merchants is refused with 403. Elsewhere such a token sees and
   * changes only its merchants' rows (another merchant's answers 404), inbound orders, picking
   * requests and reservations included: each belongs to one merchant's work order.
   */
  readonly everyMerchantOnly?: true;
}

/** Every operator role: reads of reference data and of work orders that everyone who works here needs. */
export const EVERY_OPERATOR_ROLE: readonly Role[] = ['planner', 'picker', 'receiver', 'inventory-clerk', 'merchant-user', 'sre'];

const open: RouteAccess = { roles: 'public' };
const everyone: RouteAccess = { roles: EVERY_OPERATOR_ROLE };
const warehouseWork = (roles: readonly Role[]): RouteAccess => ({ roles, everyMerchantOnly: true });

/**
 * Who may call each endpoint, by its operationId in the route table: the policy the services
 * enforce with `@RequireRole(...)` and `@ServesEveryMerchant()`, written once for the reference
 * (OpenAPI's `security` and `x-roles`) and for the authorization-matrix test, which calls every
 * endpoint as every role and fails where a service disagrees with this table.
 */
export const ROUTE_ACCESS: Readonly<Record<string, RouteAccess>> = {
  getLive: open,
  getReady: open,
  getUpstreams: open,
  registerMerchant: { roles: ACTION_ROLES['merchants.create'] },
  listMerchants: everyone,
  registerWarehouse: { roles: ACTION_ROLES['warehouses.create'] },
  listWarehouses: everyone,
  addLocation: { roles: ACTION_ROLES['locations.create'] },
  registerProduct: { roles: ACTION_ROLES['products.create'] },
  listProducts: everyone,
  adjustStock: { roles: ACTION_ROLES['inventory.adjust'] },
  listStock: everyone,
  listMovements: everyone,
  listReservations: { roles: ACTION_ROLES['reservations.read'] },
  traceLot: everyone,
  createBom: { roles: ACTION_ROLES['boms.change'] },
  listBoms: everyone,
  getBom: everyone,
  replaceBom: { roles: ACTION_ROLES['boms.change'] },
  deleteBom: { roles: ACTION_ROLES['boms.change'] },
  suggestWorkOrderNumber: { roles: ['planner', 'merchant-user'] },
  countWorkOrdersByStatus: everyone,
  createWorkOrder: { roles: ACTION_ROLES['work-orders.create'] },
  listWorkOrders: everyone,
  getWorkOrder: everyone,
  updateWorkOrder: { roles: ACTION_ROLES['work-orders.edit'] },
  confirmWorkOrder: { roles: ACTION_ROLES['work-orders.confirm'] },
  retryWorkOrderAllocation: { roles: ACTION_ROLES['work-orders.retryAllocation'] },
  createWorkOrderPickingList: { roles: ACTION_ROLES['work-orders.createPickingList'] },
  completeWorkOrder: { roles: ACTION_ROLES['work-orders.complete'] },
  cancelWorkOrder: { roles: ACTION_ROLES['work-orders.cancel'] },
  listSagas: warehouseWork(ACTION_ROLES['sagas.read']),
  getSaga: warehouseWork(ACTION_ROLES['sagas.read']),
  retrySaga: warehouseWork(ACTION_ROLES['sagas.retry']),
  listDeadLetters: warehouseWork(ACTION_ROLES['deadLetters.read']),
  getDeadLetter: warehouseWork(ACTION_ROLES['deadLetters.read']),
  replayDeadLetter: warehouseWork(ACTION_ROLES['deadLetters.replay']),
  listPickingRequests: { roles: ACTION_ROLES['pickingRequests.read'] },
  createPickingList: warehouseWork(ACTION_ROLES['picking.change']),
  // A list walks several merchants' orders (batch picking): its stops and their order are one
  // warehouse's work, not one merchant's, so it stays refused; a merchant sees its lists' progress
  // on its work order instead.
  listPickingLists: warehouseWork(ACTION_ROLES['pickingLists.read']),
  getPickingList: warehouseWork(ACTION_ROLES['pickingLists.read']),
  startPickingList: warehouseWork(ACTION_ROLES['picking.change']),
  completePickingList: warehouseWork(ACTION_ROLES['picking.change']),
  cancelPickingList: warehouseWork(ACTION_ROLES['picking.change']),
  listInboundOrders: { roles: ACTION_ROLES['inbound.read'] },
  getInboundOrder: { roles: ACTION_ROLES['inbound.read'] },
  receiveInboundOrder: warehouseWork(ACTION_ROLES['inbound.receive']),
  putAwayInboundOrder: warehouseWork(ACTION_ROLES['inbound.putAway']),
};

/**
 * The endpoint each console action calls (its first, where it is several with one policy: a BOM's
 * create, replace and delete): a screen shows an action to whoever ROUTE_ACCESS lets call it,
 * merchant scope included, so the console and the API answer from one table.
 */
export const ACTION_ROUTES = {
  'work-orders.create': 'createWorkOrder',
  'work-orders.confirm': 'confirmWorkOrder',
  'work-orders.edit': 'updateWorkOrder',
  'work-orders.retryAllocation': 'retryWorkOrderAllocation',
  'work-orders.complete': 'completeWorkOrder',
  'work-orders.cancel': 'cancelWorkOrder',
  'work-orders.createPickingList': 'createWorkOrderPickingList',
  'boms.change': 'createBom',
  'pickingRequests.read': 'listPickingRequests',
  'pickingLists.read': 'listPickingLists',
  'picking.change': 'createPickingList',
  'inbound.read': 'listInboundOrders',
  'inbound.receive': 'receiveInboundOrder',
  'inbound.putAway': 'putAwayInboundOrder',
  'inventory.adjust': 'adjustStock',
  'reservations.read': 'listReservations',
  'products.create': 'registerProduct',
  'locations.create': 'addLocation',
  'merchants.create': 'registerMerchant',
  'warehouses.create': 'registerWarehouse',
  'sagas.read': 'listSagas',
  'sagas.retry': 'retrySaga',
  'deadLetters.read': 'listDeadLetters',
  'deadLetters.replay': 'replayDeadLetter',
} as const satisfies Record<ConsoleAction, keyof typeof ROUTE_ACCESS>;

/** Whether a holder of these roles, scoped to merchants or not, may take a console action: may it call the action's endpoint. */
export function mayTake(action: ConsoleAction, roles: readonly Role[], merchantScoped: boolean): boolean {
  return mayCall(accessOf(ACTION_ROUTES[action]), roles, merchantScoped);
}

/** The access of an endpoint; throws for one the table does not list (a new route must say who may call it). */
export function accessOf(operationId: string): RouteAccess {
  const access = ROUTE_ACCESS[operationId];
  if (!access) throw new Error(`route ${operationId} is missing from ROUTE_ACCESS (libs/contracts/rest/src/route-access.ts)`);
  return access;
}

/** Whether a holder of these roles, scoped to merchants or not, may call the endpoint. */
export function mayCall(access: RouteAccess, roles: readonly Role[], merchantScoped: boolean): boolean {
  if (access.roles === 'public') return true;
  if (access.everyMerchantOnly && merchantScoped) return false;
  const allowed = access.roles;
  return roles.includes('admin') || roles.some((role) => allowed.includes(role));
}
