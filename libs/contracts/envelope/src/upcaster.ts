import type { z } from 'zod';
import type { MessageDefinition } from './message-definition';

/**
 * How a payload of an older version of a message type becomes the next version's: the old
 * version's schema (kept, so an old message is checked as what it claims to be) and the step.
 */
export interface Upcaster {
  readonly fromVersion: number;
  readonly schema: z.ZodType;
  upcast(payload: unknown): unknown;
}

/** An upcaster from `fromVersion` to `fromVersion + 1`, typed by the old version's schema. */
export function upcastFrom<TOld extends z.ZodType>(fromVersion: number, schema: TOld, upcast: (payload: z.output<TOld>) => unknown): Upcaster {
  return { fromVersion, schema, upcast: (payload) => upcast(payload as z.output<TOld>) };
}

/** A payload read as the definition's current version, or why it cannot be. */
export type ReadPayload = { readonly ok: true; readonly payload: unknown } | { readonly ok: false; readonly detail: string };

/**
 * Reads a payload of any version the definition accepts as its current version: an older one is
 * validated against its own schema and upcast one version at a time, then checked as current.
 */
export function readPayload(definition: MessageDefinition<string, z.ZodType>, version: number, payload: unknown): ReadPayload {
  const supported = [...definition.upcasters.map((upcaster) => upcaster.fromVersion), definition.version];
  if (!supported.includes(version)) {
    return { ok: false, detail: `${definition.type} v${version} is not supported (v${supported.join(', v')} are)` };
  }
  let current = payload;
  for (const upcaster of definition.upcasters.filter((candidate) => candidate.fromVersion >= version)) {
    const old = upcaster.schema.safeParse(current);
    if (!old.success) return { ok: false, detail: `as v${upcaster.fromVersion}: ${old.error.message}` };
    current = upcaster.upcast(old.data);
  }
  const parsed = definition.schema.safeParse(current);
  if (!parsed.success)
    return {
      ok: false,
      detail: version === definition.version ? parsed.error.message : `upcast from v${version} to v${definition.version}: ${parsed.error.message}`,
    };
  return { ok: true, payload: parsed.data };
}
