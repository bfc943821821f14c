import type { FieldError } from './problem';

/**
 * Text no field of this system may hold: NUL (Postgres text cannot store it) and lone UTF-16
 * surrogates (not Unicode: they cannot be written as UTF-8, so a database, a Kafka message or a
 * log line would silently carry U+FFFD instead, or refuse it).
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const MAX_DEPTH = 32;

const MESSAGE = 'must not contain NUL characters or lone UTF-16 surrogates';

/**
 * Every string in a value (keys included) that holds unsafe text, named by its path
 * (`materials[1].sku`, under `prefix` when given: `query.q`, `path.id`).
 */
export function unsafeTextErrors(value: unknown, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  visit(value, prefix, errors, 0);
  return errors;
}

function visit(value: unknown, path: string, errors: FieldError[], depth: number): void {
  if (typeof value === 'string') {
    if (UNSAFE_TEXT.test(value)) errors.push({ field: path || 'body', message: MESSAGE });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  // No request of this API nests anywhere near this deep; refusing it keeps the walk off the stack's limit.
  if (depth > MAX_DEPTH) {
    errors.push({ field: path || 'body', message: `nested more than ${MAX_DEPTH} levels deep` });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => visit(item, `${path}[${index}]`, errors, depth + 1));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (UNSAFE_TEXT.test(key)) errors.push({ field, message: `the field name ${MESSAGE}` });
    visit(item, field, errors, depth + 1);
  }
}
