import type { Role } from './identity';

/**
 * Who may take each action a screen offers, besides admin (who may take them all): the same
 * policy as the services' `@RequireRole(...)` and docs/identity.md's table, kept here so the
 * console shows only what the API would allow. The API stays the judge: this only hides buttons.
 */
export const ACTION_ROLES = {
  'work-orders.create': ['planner', 'merchant-user'],
  'work-orders.confirm': ['planner', 'merchant-user'],
  'work-orders.edit': ['planner'],
  'work-orders.retryAllocation': ['planner'],
  'work-orders.complete': ['planner'],
  'work-orders.cancel': ['planner'],
  'work-orders.createPickingList': ['picker'],
  'boms.change': ['planner'],
  // A merchant user reads its own orders' picking requests and inbound orders (filtered to its merchants).
  'pickingRequests.read': ['picker', 'planner', 'merchant-user'],
  'pickingLists.read': ['picker', 'planner', 'sre'],
  'picking.change': ['picker'],
  'inbound.read': ['receiver', 'planner', 'inventory-clerk', 'sre', 'merchant-user'],
  'inbound.receive': ['receiver'],
  'inbound.putAway': ['receiver'],
  'inventory.adjust': ['inventory-clerk'],
  'reservations.read': ['planner', 'picker', 'inventory-clerk', 'sre', 'merchant-user'],
  'products.create': ['inventory-clerk'],
  'locations.create': ['inventory-clerk'],
  'merchants.create': [],
  'warehouses.create': [],
  'sagas.read': ['sre'],
  'sagas.retry': ['sre'],
  'deadLetters.read': ['sre'],
  'deadLetters.replay': ['sre'],
} as const satisfies Record<string, readonly Role[]>;

export type ConsoleAction = keyof typeof ACTION_ROLES;

/** Whether a holder of these roles may take the action (admin may take every one). */
export function rolesMayTake(roles: readonly string[], action: ConsoleAction): boolean {
  const allowed: readonly string[] = ACTION_ROLES[action];
  return roles.includes('admin') || roles.some((role) => allowed.includes(role));
}
