import type { Line } from '@wo/contracts/rest';

export type LineSection = 'outputs' | 'materials';

/** A row being edited: the SKU as typed, the quantity as the NumberInput holds it ('' while empty). */
export interface EditableLine {
  /** Stable React key: rows are added and removed in the middle. */
  readonly key: string;
  readonly sku: string;
  readonly quantity: number | '';
}

let nextKey = 0;

export function newLine(sku = '', quantity: number | '' = 1): EditableLine {
  nextKey += 1;
  return { key: `line-${nextKey}`, sku, quantity };
}

export const toEditableLines = (lines: readonly Line[]): EditableLine[] => lines.map((line) => newLine(line.sku, line.quantity));

/** What the API gets: SKUs trimmed, quantities as numbers (validation has already refused the rest). */
export const toLines = (lines: readonly EditableLine[]): Line[] => lines.map((line) => ({ sku: line.sku.trim(), quantity: Number(line.quantity) }));

/** Same SKUs and quantities in the same order. */
export function sameLines(a: readonly Line[], b: readonly Line[]): boolean {
  return a.length === b.length && a.every((line, index) => line.sku === b[index]?.sku && line.quantity === b[index]?.quantity);
}

const sectionWords: Record<LineSection, string> = { outputs: 'output', materials: 'material' };

/**
 * The obvious mistakes, keyed as the API keys its field errors (`materials[1].quantity`), so both
 * kinds of message reach the same row. The API stays the judge of the rest (unknown SKUs).
 */
export function validateLines(section: LineSection, lines: readonly EditableLine[]): Record<string, string> {
  const errors: Record<string, string> = {};
  if (lines.length === 0) errors[section] = `Add at least one ${sectionWords[section]}`;
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    const sku = line.sku.trim();
    if (!sku) errors[`${section}[${index}].sku`] = 'Choose a SKU';
    else if (seen.has(sku)) errors[`${section}[${index}].sku`] = `${sku} appears more than once`;
    seen.add(sku);
    if (line.quantity === '' || !Number.isInteger(line.quantity) || line.quantity < 1)
      errors[`${section}[${index}].quantity`] = 'Enter a whole number of at least 1';
  });
  return errors;
}
