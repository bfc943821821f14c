import type { ProblemException } from '../http/problem';
import { identityProviderUnavailable, unauthorized } from './identity-problems';
import type { Principal } from './principal';
import { bearerToken, IdentityProviderUnavailable, InvalidToken, type TokenVerifier } from './token-verifier';

/**
 * The principal of a request's Authorization header, or the problem to answer with: 401 for no
 * token or a bad one, 503 when the provider cannot be asked. Used by the services' guard and by
 * the gateway, so both refuse the same requests the same way.
 */
export async function authenticate(verifier: TokenVerifier, authorization: string | undefined): Promise<Principal | ProblemException> {
  const token = bearerToken(authorization);
  if (token === null) return unauthorized(false);
  if (token === '') return unauthorized(true, 'The Authorization header is not a bearer token.');
  try {
    return await verifier.verify(token);
  } catch (error) {
    if (error instanceof InvalidToken) return unauthorized(true, `The bearer token is not valid: ${error.message}`);
    if (error instanceof IdentityProviderUnavailable) return identityProviderUnavailable(error.message);
    throw error;
  }
}
