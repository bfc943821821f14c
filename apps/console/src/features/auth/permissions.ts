import { rolesMayTake, type ConsoleAction } from '@wo/contracts/rest';
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
