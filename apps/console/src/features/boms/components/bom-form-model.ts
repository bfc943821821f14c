import type { Bom, BomBody } from '@wo/contracts/rest';
import { isLinesPath } from '../../../components/line-editor/line-errors';
import { toEditableLines, toLines, validateLines, type EditableLine } from '../../../components/line-editor/lines';

/** A recipe as the form edits it: what one set produces and consumes. */
export interface BomFormValues {
  readonly merchantId: string | null;
  readonly name: string;
  readonly outputs: readonly EditableLine[];
  readonly materials: readonly EditableLine[];
}

export const bomInitialValues = (bom?: Bom): BomFormValues =>
  bom
    ? { merchantId: bom.merchantId, name: bom.name, outputs: toEditableLines(bom.outputs), materials: toEditableLines(bom.materials) }
    : { merchantId: null, name: '', outputs: [], materials: [] };

/** The obvious mistakes, keyed by the API's field paths. */
export function validateBom(values: BomFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.merchantId) errors['merchantId'] = 'Choose the merchant';
  if (!values.name.trim()) errors['name'] = 'Enter a name';
  return { ...errors, ...validateLines('outputs', values.outputs), ...validateLines('materials', values.materials) };
}

export const bomBodyOf = (values: BomFormValues): BomBody => ({
  merchantId: values.merchantId ?? undefined,
  name: values.name.trim(),
  outputs: toLines(values.outputs),
  materials: toLines(values.materials),
});

/** Messages no field of the form shows, as "field: message" for the Alert. */
export const unplacedBomErrors = (fieldErrors: Readonly<Record<string, string>>): string[] =>
  Object.entries(fieldErrors)
    .filter(([path]) => path !== 'merchantId' && path !== 'name' && !isLinesPath(path, 'outputs') && !isLinesPath(path, 'materials'))
    .map(([path, message]) => `${path}: ${message}`);

/** "GIFT-BOX × 1, CHOC-BAR × 2": a section of a recipe in one line, for the list. */
export const linesSummary = (lines: Bom['outputs']): string => lines.map((line) => `${line.sku} × ${line.quantity}`).join(', ');
