import { breakingChanges } from './compatibility';
import { buildAsyncApiDocument } from './asyncapi-document';
import { messageVersions } from './message-catalog';
import { messageJsonSchema, schemaFileName, type JsonSchema } from './message-json-schema';

/** The generated message contract files, by path under docs/, with their JSON (or YAML) text. */
export function messageSchemaFiles(): Map<string, JsonSchema> {
  return new Map(messageVersions().map((version) => [`schemas/${schemaFileName(version.definition.type, version.version)}`, messageJsonSchema(version)]));
}

/**
 * Why the generated schemas may not replace the committed ones: each committed type and version
 * must still exist and accept what it accepted. A new version is a new file and passes.
 */
export function incompatibilities(committed: ReadonlyMap<string, JsonSchema>, generated: ReadonlyMap<string, JsonSchema>): string[] {
  return [...committed].flatMap(([file, old]) => {
    const next = generated.get(file);
    if (!next) return [`${file}: removed (keep the version with an upcaster, or retire it deliberately)`];
    return breakingChanges(old, next).map((change) => `${file}: ${change}`);
  });
}

export { buildAsyncApiDocument };
