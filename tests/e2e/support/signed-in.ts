import type { Role } from '@wo/contracts/rest';
import { ApiClient } from '@wo/testing';

/**
 * `Authorization: Bearer <token>` of the role's development user (admin unless told): the edge's
 * refusals are tested signed in, so that what answers is the validation behind authentication,
 * not a 401.
 */
export async function bearerHeader(role: Role = 'admin'): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await ApiClient.tokenFor(role)}` };
}

/** fetch, signed in as the role's development user (admin unless told). */
export async function signedInFetch(url: string, init: RequestInit = {}, role: Role = 'admin'): Promise<Response> {
  return fetch(url, { ...init, headers: { ...(await bearerHeader(role)), ...(init.headers as Record<string, string> | undefined) } });
}
