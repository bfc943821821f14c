import type { JsonSchema } from './message-json-schema';

const typesOf = (schema: JsonSchema): string[] | null => {
  if ('const' in schema) return [`const:${JSON.stringify(schema['const'])}`];
  const type = schema['type'];
  if (type === undefined) return null;
  return (Array.isArray(type) ? type : [type]).map(String);
};

/**
 * What a new schema of the same type and version breaks for readers of the old one: a field
 * removed or retyped, a value no longer allowed, a field newly required. A field added as
 * optional breaks nothing (docs/events.md: compatibility rules). Empty when compatible.
 */
export function breakingChanges(old: JsonSchema, next: JsonSchema, path = '$'): string[] {
  const changes: string[] = [];
  const oldTypes = typesOf(old);
  const nextTypes = typesOf(next);
  if (oldTypes && (!nextTypes || oldTypes.some((type) => !nextTypes.includes(type))))
    changes.push(`${path}: type ${oldTypes.join('|')} became ${nextTypes?.join('|') ?? 'untyped'}`);
  if (Array.isArray(old['enum']) && (!Array.isArray(next['enum']) || old['enum'].some((value) => !(next['enum'] as unknown[]).includes(value))))
    changes.push(`${path}: values of ${JSON.stringify(old['enum'])} no longer all allowed`);

  const oldProperties = (old['properties'] ?? {}) as Record<string, JsonSchema>;
  const nextProperties = (next['properties'] ?? {}) as Record<string, JsonSchema>;
  for (const [name, schema] of Object.entries(oldProperties)) {
    const replacement = nextProperties[name];
    if (!replacement) changes.push(`${path}.${name}: removed`);
    else changes.push(...breakingChanges(schema, replacement, `${path}.${name}`));
  }
  const oldRequired = new Set((old['required'] ?? []) as string[]);
  for (const name of (next['required'] ?? []) as string[]) if (!oldRequired.has(name)) changes.push(`${path}.${name}: newly required`);

  if (old['items'] && next['items']) changes.push(...breakingChanges(old['items'] as JsonSchema, next['items'] as JsonSchema, `${path}[]`));
  for (const combinator of ['anyOf', 'oneOf'] as const) {
    const oldBranches = old[combinator] as JsonSchema[] | undefined;
    const nextBranches = next[combinator] as JsonSchema[] | undefined;
    if (!oldBranches) continue;
    oldBranches.forEach((branch, index) => {
      const candidates = nextBranches ?? [next];
      if (!candidates.some((candidate) => breakingChanges(branch, candidate).length === 0)) changes.push(`${path}: ${combinator}[${index}] no longer accepted`);
    });
  }
  return changes;
}
