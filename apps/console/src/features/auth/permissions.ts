import { accessOf, mayCall, mayTake, ROUTE_ACCESS, type ConsoleAction } from '@wo/contracts/rest';
import { useAuth } from './auth-context';
import type { ConsolePrincipal } from './principal';

/**
 * Whether the signed-in user may take an action: may they call the endpoint it calls, as
 * ROUTE_ACCESS says (the API's own table, by way of ACTION_ROUTES in @wo/contracts/rest), merchant
 * scope included: a merchant-scoped token does no warehouse work. Screens hide what this refuses;
 * the API refuses it anyway.
 */
export function may(principal: ConsolePrincipal | null, action: ConsoleAction): boolean {
  return principal !== null && mayTake(action, principal.roles, principal.merchantIds !== null);
}

/** `may` for the signed-in user of this console. */
export function useMay(): (action: ConsoleAction) => boolean {
  const auth = useAuth();
  return (action) => may(auth?.principal ?? null, action);
}

/**
 * Whether the signed-in user may call an endpoint at all (ROUTE_ACCESS, by operationId): pages
 * and links that only read are shown to whoever may read what they show. An unknown endpoint reads as no.
 */
export function mayRead(principal: ConsolePrincipal | null, operationId: string): boolean {
  return principal !== null && operationId in ROUTE_ACCESS && mayCall(accessOf(operationId), principal.roles, principal.merchantIds !== null);
}

/** `mayRead` for the signed-in user of this console. */
export function useMayRead(): (operationId: string) => boolean {
  const auth = useAuth();
  return (operationId) => mayRead(auth?.principal ?? null, operationId);
}
