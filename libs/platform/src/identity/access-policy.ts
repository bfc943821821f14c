import { SetMetadata } from '@nestjs/common';
import type { Role } from '@wo/contracts/rest';
import type { Principal } from './principal';

export const PUBLIC_ROUTE = 'identity:public';
export const REQUIRED_ROLES = 'identity:roles';

/** No token needed: health probes only. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The roles that may call this route (any one of them is enough); admin may call every route.
 * A route that declares no roles is admin-only, so a forgotten declaration fails closed.
 */
export const RequireRole = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** Every operator role: for reads of reference data that everyone who works here needs. */
export const EVERY_ROLE: readonly Role[] = ['planner', 'picker', 'receiver', 'inventory-clerk', 'merchant-user', 'sre'];

/** Whether the principal holds one of the required roles (admin holds them all). */
export function mayAct(principal: Principal, required: readonly Role[]): boolean {
  return principal.roles.includes('admin') || principal.roles.some((role) => required.includes(role));
}
