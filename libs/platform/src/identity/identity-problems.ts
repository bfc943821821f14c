import type { Role } from '@wo/contracts/rest';
import { ProblemException } from '../http/problem';

const PROBLEM_BASE = 'https://work-orders.example/problems/';
export const AUTH_REALM = 'work-orders';

/** No token (RFC 6750: no error code) or a token we do not accept (`invalid_token`). */
export function unauthorized(tokenGiven: boolean, detail?: string): ProblemException {
  const challenge = tokenGiven ? `Bearer realm="${AUTH_REALM}", error="invalid_token"` : `Bearer realm="${AUTH_REALM}"`;
  return new ProblemException(
    {
      type: `${PROBLEM_BASE}unauthorized`,
      title: 'Authentication required',
      status: 401,
      detail: detail ?? (tokenGiven ? 'The bearer token is not valid.' : 'Send an access token: Authorization: Bearer <token>.'),
    },
    { 'www-authenticate': challenge },
  );
}

/** A valid caller whose roles do not allow the action: names the roles that would. */
export function forbidden(requiredRoles: readonly Role[]): ProblemException {
  const roles = [...new Set<Role>([...requiredRoles, 'admin'])];
  return new ProblemException({
    type: `${PROBLEM_BASE}forbidden`,
    title: 'Not allowed for your roles',
    status: 403,
    detail: `This action needs one of the roles: ${roles.join(', ')}.`,
    requiredRoles: roles,
  });
}

export function identityProviderUnavailable(detail: string): ProblemException {
  return new ProblemException(
    { type: `${PROBLEM_BASE}identity-provider-unavailable`, title: 'Identity provider unavailable', status: 503, detail },
    { 'retry-after': '1' },
  );
}

export function everyMerchantOnly(): ProblemException {
  return new ProblemException({
    type: `${PROBLEM_BASE}forbidden`,
    title: 'Not allowed for a merchant-scoped token',
    status: 403,
    detail: 'This is warehouse work for every merchant: it needs a token that is not scoped to merchants.',
  });
}
