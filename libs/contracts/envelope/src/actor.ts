import { z } from 'zod';

/**
 * Who took the action that caused an event: the access token's `sub` and `name` (docs/identity.md).
 * Every service's events may carry it. Additive and optional: events written before it, and
 * consumers that ignore it, stay valid.
 */
export const actorSchema = z.object({ subject: z.string(), name: z.string() });
export type Actor = z.infer<typeof actorSchema>;
