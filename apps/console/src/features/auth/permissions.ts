import { mayCall, ROUTE_ACCESS, rolesMayTake, type ConsoleAction } from '@wo/contracts/rest';
import { useAuth } from './auth-context';
import type { ConsolePrincipal } from './principal';

/**
 * Whether the signed-in user may take an action: the API's own policy (ACTION_ROLES in
 * @wo/contracts/rest, the table of docs/identity.md). Screens hide what this refuses; the API
 * refuses it anyway.
 */
export function may(principal: ConsolePrincipal | null, action: ConsoleAction): boolean {
  return principal !== null && rolesMayTake(principal.roles, action);
}

/** `may` for the signed-in user of this console. */
export function useMay(): (action: ConsoleAction) => boolean {
  const auth = useAuth();
  return (action) => may(auth?.principal ?? null, action);
}

/**
 * Whether the signed-in user may call an endpoint at all (ROUTE_ACCESS, by operationId): pages
 * that only read are shown to whoever may read what they show. An unknown endpoint reads as no.
 */
export function mayRead(principal: ConsolePrincipal | null, operationId: string): boolean {
  const access = ROUTE_ACCESS[operationId];
  return principal !== null && access !== undefined && mayCall(access, principal.roles, principal.merchantIds !== null);
}

/** `mayRead` for the signed-in user of this console. */
export function useMayRead(): (operationId: string) => boolean {
  const auth = useAuth();
  return (operationId) => mayRead(auth?.principal ?? null, operationId);
}
