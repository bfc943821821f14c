import { invalidInput, notFound } from '../http/problem';
import { seesMerchant, type Principal } from './principal';

/**
 * Merchant isolation, the same in every service: a merchant-scoped caller sees and changes only its
 * merchants. Another merchant's resource is 404 (its id cannot be probed), lists leave other
 * merchants' rows out, and a body naming another merchant is a 400 on `merchantId`.
 */

/**
 * The merchants a query must stay within: undefined for staff who serve all, else the caller's
 * (possibly none: an empty list then matches nothing, never everything).
 */
export function merchantScopeOf(principal: Principal): readonly string[] | undefined {
  return principal.merchantIds === 'all' ? undefined : principal.merchantIds;
}

/** The rows of a list the caller may see. */
export function visibleRows<T>(principal: Principal, rows: readonly T[], merchantOf: (row: T) => string): T[] {
  return principal.merchantIds === 'all' ? [...rows] : rows.filter((row) => seesMerchant(principal, merchantOf(row)));
}

/** 404, as if it did not exist, when the resource belongs to a merchant the caller does not serve. */
export function requireVisible(principal: Principal, merchantId: string, what: string, id: string): void {
  if (!seesMerchant(principal, merchantId)) throw notFound(what, id);
}

/**
 * The merchant a body acts for, checked against the caller: another merchant is a 400 on
 * `merchantId`; a scoped caller who names none acts for its only merchant (or must name one).
 */
export function merchantForBody(principal: Principal, merchantId: string | undefined): string | undefined {
  if (principal.merchantIds === 'all') return merchantId;
  if (merchantId === undefined) {
    if (principal.merchantIds.length === 1) return principal.merchantIds[0];
    throw invalidInput([{ field: 'merchantId', message: 'name the merchant this is for (your token serves several, or none)' }]);
  }
  if (!principal.merchantIds.includes(merchantId)) throw invalidInput([{ field: 'merchantId', message: 'your token does not serve this merchant' }]);
  return merchantId;
}
