import { SetMetadata } from '@nestjs/common';
import { EVERY_OPERATOR_ROLE, type Role } from '@wo/contracts/rest';
import { PUBLIC_ROUTE } from '@wo/observability';
import type { Principal } from './principal';

/**
 * Routes that answer without a token carry this key: one constant with observability's
 * `@PublicRoute()` (its `/metrics`, which Prometheus scrapes without a token), so the two cannot drift.
 */
export { PUBLIC_ROUTE };
export const REQUIRED_ROLES = 'identity:roles';
export const EVERY_MERCHANT_ONLY = 'identity:every-merchant';

/** No token needed: health probes (and, through `@PublicRoute()`, `/metrics`). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The roles that may call this route (any one of them is enough); admin may call every route.
 * A route that declares no roles is admin-only, so a forgotten declaration fails closed.
 */
export const RequireRole = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/**
 * Warehouse work that serves every merchant at once (picking, receiving, sagas, reservations):
 * a merchant-scoped token is refused with 403, since these rows are not kept apart by merchant.
 */
export const ServesEveryMerchant = () => SetMetadata(EVERY_MERCHANT_ONLY, true);

/** Every operator role: for reads of reference data that everyone who works here needs (the contract's list). */
export const EVERY_ROLE: readonly Role[] = EVERY_OPERATOR_ROLE;

/** Whether the principal holds one of the required roles (admin holds them all). */
export function mayAct(principal: Principal, required: readonly Role[]): boolean {
  return principal.roles.includes('admin') || principal.roles.some((role) => required.includes(role));
}
