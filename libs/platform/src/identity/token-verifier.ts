import type { JWTVerifyGetKey } from 'jose';
import { principalFromClaims, InvalidClaims, type Principal } from './principal';
import { VerifiedTokens } from './verified-tokens';

/** A token that is not one we accept: malformed, badly signed, expired, for another audience or issuer. */
export class InvalidToken extends Error {}

/** The identity provider could not be reached (discovery or keys): the caller may try again. */
export class IdentityProviderUnavailable extends Error {}

export interface TokenVerifier {
  /** Resolves the principal of a valid access token; rejects with InvalidToken otherwise. */
  verify(token: string): Promise<Principal>;
}

export interface OidcSettings {
  /** The issuer as the provider names itself (`iss`); its discovery document is below it. */
  readonly issuerUrl: string;
  /** The `aud` our access tokens must carry. */
  readonly audience: string;
}

// jose answers with these codes for tokens that are simply not acceptable; anything else is ours or the network's.
const TOKEN_ERROR_CODES = new Set([
  'ERR_JWT_EXPIRED',
  'ERR_JWT_CLAIM_VALIDATION_FAILED',
  'ERR_JWT_INVALID',
  'ERR_JWS_INVALID',
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JOSE_NOT_SUPPORTED',
]);

/**
 * Verifies OpenID Connect access tokens (JWT) with jose against the issuer's discovery document and
 * its JWKS: the key set is fetched once, cached, and fetched again when a token names an unknown
 * key (the provider rotated), so rotation needs no restart. Checks signature, issuer, audience and
 * expiry. jose is ESM-only; it is loaded on first use (Node's require of ES modules), which also
 * keeps it out of the unit tests that load this library. A token that passed is trusted again
 * without a new check for up to a minute (`VerifiedTokens`).
 */
export class OidcTokenVerifier implements TokenVerifier {
  private keys: Promise<{ issuer: string; jwks: JWTVerifyGetKey }> | null = null;
  private readonly verified = new VerifiedTokens<Principal>({ maxAgeMs: 60_000, maxEntries: 10_000 });

  constructor(private readonly settings: OidcSettings) {}

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known) return known;
    const jose = await import('jose');
    const { issuer, jwks } = await this.keySet();
    try {
      const { payload } = await jose.jwtVerify(token, jwks, { issuer, audience: this.settings.audience, requiredClaims: ['exp', 'sub'] });
      const principal = principalFromClaims(payload);
      this.verified.set(token, principal, payload.exp! * 1000);
      return principal;
    } catch (error) {
      if (error instanceof InvalidClaims) throw new InvalidToken(error.message);
      const code = (error as { code?: string }).code;
      if (code && TOKEN_ERROR_CODES.has(code)) throw new InvalidToken((error as Error).message);
      throw new IdentityProviderUnavailable(`verifying a token failed: ${(error as Error).message}`);
    }
  }

  private keySet(): Promise<{ issuer: string; jwks: JWTVerifyGetKey }> {
    this.keys ??= this.discover().catch((error: unknown) => {
      this.keys = null; // try again on the next request
      throw new IdentityProviderUnavailable(
        `the identity provider at ${this.settings.issuerUrl} did not answer its discovery document: ${(error as Error).message}`,
      );
    });
    return this.keys;
  }

  private async discover(): Promise<{ issuer: string; jwks: JWTVerifyGetKey }> {
    const jose = await import('jose');
    const url = `${this.settings.issuerUrl.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    if (typeof document.issuer !== 'string' || typeof document.jwks_uri !== 'string') throw new Error(`${url} names no issuer or jwks_uri`);
    return { issuer: document.issuer, jwks: jose.createRemoteJWKSet(new URL(document.jwks_uri), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 }) };
  }
}

/** The bearer token of an Authorization header, or null when there is none. */
export function bearerToken(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match ? match[1]! : '';
}
