import type { LineSection } from './lines';

export interface LineFieldErrors {
  sku?: string;
  quantity?: string;
}

/** A section's messages: one about the whole list, and per row (by index) for its SKU and quantity. */
export interface LinesErrors {
  section?: string;
  rows: Record<number, LineFieldErrors>;
}

const rowPath = /^\[(\d+)\](?:\.(sku|quantity))?$/;

/**
 * Picks one section's messages out of field errors keyed by the API's paths (`outputs`,
 * `materials[1].quantity`, `materials[0].sku`). A row-level message without a field goes to its SKU.
 */
export function linesErrorsFrom(fieldErrors: Readonly<Record<string, string>>, section: LineSection): LinesErrors {
  const result: LinesErrors = { rows: {} };
  for (const [path, message] of Object.entries(fieldErrors)) {
    if (!path.startsWith(section)) continue;
    const rest = path.slice(section.length);
    if (rest === '') {
      result.section = message;
      continue;
    }
    const match = rowPath.exec(rest);
    if (!match) {
      if (rest.startsWith('.') || rest.startsWith('[')) result.section ??= message;
      continue;
    }
    const index = Number(match[1]);
    const field = (match[2] ?? 'sku') as keyof LineFieldErrors;
    const row = (result.rows[index] ??= {});
    row[field] ??= message;
  }
  return result;
}

/** Whether a field path belongs to a lines section (so it is shown there, not in the form's Alert). */
export const isLinesPath = (path: string, section: LineSection) => path === section || path.startsWith(`${section}[`) || path.startsWith(`${section}.`);
