import type { WarehouseBody } from '@wo/contracts/rest';

/** What the API accepts as a warehouse or location code. */
const codePattern = /^[A-Za-z0-9._-]+$/;

export function checkCode(code: string): string | undefined {
  const trimmed = code.trim();
  if (!trimmed) return 'Enter a code';
  if (trimmed.length > 64) return 'At most 64 characters';
  if (!codePattern.test(trimmed)) return 'Letters, digits, dot, dash or underscore only';
  return undefined;
}

export type WarehouseDraft = { readonly ok: true; readonly body: WarehouseBody } | { readonly ok: false; readonly errors: Record<string, string> };

/** The body of POST /warehouses, or what to fix first (keyed code, name, locations). */
export function buildWarehouseBody(values: { code: string; name: string; locations: readonly string[] }): WarehouseDraft {
  const errors: Record<string, string> = {};
  const codeError = checkCode(values.code);
  if (codeError) errors['code'] = codeError;
  if (!values.name.trim()) errors['name'] = 'Enter a name';
  const locations = [...new Set(values.locations.map((location) => location.trim()).filter(Boolean))];
  const bad = locations.filter((location) => checkCode(location));
  if (bad.length > 0) errors['locations'] = `Not a valid location code: ${bad.join(', ')} (letters, digits, dot, dash or underscore)`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { code: values.code.trim(), name: values.name.trim(), locations } };
}

/** The API names a bad location `locations[2]`; the form has one Locations field for them all. */
export function warehouseFieldErrors(fieldErrors: Record<string, string>, locations: readonly string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const about: string[] = [];
  for (const [field, message] of Object.entries(fieldErrors)) {
    const index = /^locations\[(\d+)\]/.exec(field);
    if (index) about.push(`${locations[Number(index[1])] ?? field}: ${message}`);
    else errors[field] = message;
  }
  if (about.length > 0) errors['locations'] = [errors['locations'], ...about].filter(Boolean).join('; ');
  return errors;
}
