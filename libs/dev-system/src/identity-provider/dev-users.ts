import type { Role } from '@wo/contracts/rest';

/** A seeded login of the development provider: one per role. */
export interface DevUser {
  readonly login: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** Whether this user acts for merchants (its token then names them in `merchant_ids`). */
  readonly merchantScoped: boolean;
}

export const DEV_USERS: readonly DevUser[] = [
  { login: 'planner', name: 'Pia Planner', roles: ['planner'], merchantScoped: false },
  { login: 'picker', name: 'Pat Picker', roles: ['picker'], merchantScoped: false },
  { login: 'receiver', name: 'Rae Receiver', roles: ['receiver'], merchantScoped: false },
  { login: 'clerk', name: 'Cid Clerk', roles: ['inventory-clerk'], merchantScoped: false },
  { login: 'merchant', name: 'Mo Merchant', roles: ['merchant-user'], merchantScoped: true },
  { login: 'sre', name: 'Sam SRE', roles: ['sre'], merchantScoped: false },
  { login: 'admin', name: 'Ada Admin', roles: ['admin'], merchantScoped: false },
];

/**
 * The provider's account id carries the login and, for a merchant user, the merchants chosen at
 * login (`merchant@m1,m2`): the development provider keeps no user store, and tests create
 * merchants as they go. A real issuer maps its own users to these claims (docs/identity.md).
 */
export function accountIdOf(login: string, merchantIds: readonly string[]): string {
  return merchantIds.length > 0 ? `${login}@${merchantIds.join(',')}` : login;
}

/** The seeded user of a login; a role's name logs in as that role's user too (`inventory-clerk` is `clerk`). */
export function findDevUser(login: string): DevUser | undefined {
  return DEV_USERS.find((candidate) => candidate.login === login) ?? DEV_USERS.find((candidate) => (candidate.roles as readonly string[]).includes(login));
}

export function parseAccountId(accountId: string): { user: DevUser; merchantIds: string[] } | null {
  const [login = '', merchants = ''] = accountId.split('@', 2);
  const user = findDevUser(login);
  if (!user) return null;
  return { user, merchantIds: merchants.split(',').filter(Boolean) };
}
