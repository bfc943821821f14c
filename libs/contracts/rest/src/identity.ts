import { z } from 'zod';

/**
 * Who may act: the roles an access token carries in its `roles` claim (docs/identity.md has the
 * table of what each may do). Shared by the services, the gateway, the dev provider and the console.
 */
export const ROLES = ['planner', 'picker', 'receiver', 'inventory-clerk', 'merchant-user', 'sre', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** The claims this system reads from a verified access token (others are ignored). */
export const accessTokenClaimsSchema = z.object({
  sub: z.string().min(1),
  name: z.string().optional(),
  /** Unknown role names are dropped rather than refused: an issuer may carry roles of other systems. */
  roles: z.array(z.string()).optional(),
  /** The merchants a 3PL client's user may see; absent or empty for staff who see every merchant. */
  merchant_ids: z.array(z.string()).optional(),
});
export type AccessTokenClaims = z.infer<typeof accessTokenClaimsSchema>;

/** What the public `GET /auth/config` of the gateway answers: where a browser logs in. */
export const authConfigSchema = z.object({ issuer: z.string(), clientId: z.string(), audience: z.string() });
export type AuthConfig = z.infer<typeof authConfigSchema>;
