import { accessTokenClaimsSchema, roleSchema, type Role } from '@wo/contracts/rest';

/** Who is signed in, as the API will see them: read from the access token the console sends. */
export interface ConsolePrincipal {
  readonly subject: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** The merchants a 3PL client's user may see; null for staff, who serve every merchant. */
  readonly merchantIds: readonly string[] | null;
}

/**
 * The principal an access token names, or null when it is not a JWT this system reads. Not a
 * verification (the API verifies every request): only what the header shows and which buttons appear.
 */
export function principalOf(accessToken: string): ConsolePrincipal | null {
  const payload = accessToken.split('.')[1];
  if (!payload) return null;
  let json: unknown;
  try {
    json = JSON.parse(decodeBase64Url(payload));
  } catch {
    return null;
  }
  const claims = accessTokenClaimsSchema.safeParse(json);
  if (!claims.success) return null;
  const { sub, name, roles = [], merchant_ids: merchantIds } = claims.data;
  return {
    subject: sub,
    name: name ?? sub,
    roles: roles.flatMap((role) => (roleSchema.safeParse(role).success ? [role as Role] : [])),
    merchantIds: merchantIds && merchantIds.length > 0 ? merchantIds : roles.includes('merchant-user') ? [] : null,
  };
}

function decodeBase64Url(text: string): string {
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
