import type { Actor } from '@wo/contracts/envelope';
import { accessTokenClaimsSchema, ROLES, type Role } from '@wo/contracts/rest';

/**
 * Who is acting, as a verified access token says: the subject, a display name, the roles this
 * system knows, and the merchants the caller may see (`all` for staff who serve every merchant).
 */
export interface Principal {
  readonly subject: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly merchantIds: 'all' | readonly string[];
}

/** The part of a principal that is recorded with what it did (history entries, events): the events' own actor. */
export type { Actor };

export class InvalidClaims extends Error {}

/**
 * Reads a principal from a token's verified claims. A token naming merchants is scoped to them; a
 * merchant user whose token names none sees nothing (never everything).
 */
export function principalFromClaims(claims: unknown): Principal {
  const parsed = accessTokenClaimsSchema.safeParse(claims);
  if (!parsed.success) throw new InvalidClaims(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  const { sub, name, roles = [], merchant_ids: merchantIds = [] } = parsed.data;
  const known = roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role));
  const scoped = merchantIds.length > 0 || known.includes('merchant-user');
  return { subject: sub, name: name ?? sub, roles: known, merchantIds: scoped ? merchantIds : 'all' };
}

export function actorOf(principal: Principal): Actor {
  return { subject: principal.subject, name: principal.name };
}

/** Whether a principal may see rows of this merchant. */
export function seesMerchant(principal: Principal, merchantId: string): boolean {
  return principal.merchantIds === 'all' || principal.merchantIds.includes(merchantId);
}
