import { WorkOrderPriority, type Bom, type CreateWorkOrderBody, type UpdateWorkOrderBody, type WorkOrderDetail } from '@wo/contracts/rest';
import { isLinesPath } from '../../../components/line-editor/line-errors';
import { sameLines, toEditableLines, toLines, validateLines, type EditableLine } from '../../../components/line-editor/lines';

/** The form's pure side: values, client checks, request bodies, and where the API's messages go. */
export interface AppliedBom {
  readonly bomId: string;
  readonly sets: number;
}

export interface WorkOrderFormValues {
  readonly merchantId: string | null;
  readonly name: string;
  readonly number: string;
  /** A calendar date, 'YYYY-MM-DD', as the DatePickerInput holds it. */
  readonly scheduledAt: string | null;
  readonly priority: WorkOrderPriority;
  /** Retried by itself, when Out of Stock, as soon as stock it is short of arrives. */
  readonly autoRetry: boolean;
  readonly outputs: readonly EditableLine[];
  readonly materials: readonly EditableLine[];
  /** The recipe the lines came from, kept only while the lines are left as it filled them. */
  readonly bom: AppliedBom | null;
}

export function initialValues(order?: WorkOrderDetail): WorkOrderFormValues {
  if (!order)
    return {
      merchantId: null,
      name: '',
      number: '',
      scheduledAt: null,
      priority: WorkOrderPriority.Normal,
      autoRetry: true,
      outputs: [],
      materials: [],
      bom: null,
    };
  return {
    merchantId: order.merchantId,
    name: order.name,
    number: order.number,
    // The API keeps a date alone as midnight UTC: its UTC date is the date the operator chose.
    scheduledAt: order.scheduledAt ? order.scheduledAt.slice(0, 10) : null,
    priority: order.priority,
    autoRetry: order.autoRetry,
    outputs: toEditableLines(order.outputs),
    materials: toEditableLines(order.materials),
    bom: null,
  };
}

/** A recipe's lines times the number of sets. */
export function linesForSets(bom: Pick<Bom, 'outputs' | 'materials'>, sets: number): { outputs: EditableLine[]; materials: EditableLine[] } {
  const times = (lines: Bom['outputs']) => toEditableLines(lines.map((line) => ({ sku: line.sku, quantity: line.quantity * sets })));
  return { outputs: times(bom.outputs), materials: times(bom.materials) };
}

/** The obvious mistakes, keyed by the API's field paths; empty when the form may be sent. */
export function validateWorkOrder(values: WorkOrderFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.merchantId) errors['merchantId'] = 'Choose the merchant';
  if (!values.name.trim()) errors['name'] = 'Enter a name';
  return { ...errors, ...validateLines('outputs', values.outputs), ...validateLines('materials', values.materials) };
}

export function createBody(values: WorkOrderFormValues, warehouseId: string): CreateWorkOrderBody {
  const number = values.number.trim();
  return {
    merchantId: values.merchantId ?? undefined,
    warehouseId,
    name: values.name.trim(),
    ...(number ? { number } : {}),
    ...(values.scheduledAt ? { scheduledAt: values.scheduledAt } : {}),
    // The API's defaults (Normal, auto-retry on) go unsaid.
    ...(values.priority !== WorkOrderPriority.Normal ? { priority: values.priority } : {}),
    ...(values.autoRetry ? {} : { autoRetry: false }),
    // Untouched lines from a recipe go as the recipe, so the order records which BOM it came from.
    ...(values.bom ? { bom: { bomId: values.bom.bomId, sets: values.bom.sets } } : { outputs: toLines(values.outputs), materials: toLines(values.materials) }),
  };
}

/** Only what differs from the order; null when nothing does (PATCH refuses an empty body). */
export function updateBody(values: WorkOrderFormValues, order: WorkOrderDetail): UpdateWorkOrderBody | null {
  const body: UpdateWorkOrderBody = {};
  const name = values.name.trim();
  if (name !== order.name) body.name = name;
  const scheduledAt = order.scheduledAt ? order.scheduledAt.slice(0, 10) : null;
  if (values.scheduledAt !== scheduledAt) body.scheduledAt = values.scheduledAt;
  if (values.priority !== order.priority) body.priority = values.priority;
  if (values.autoRetry !== order.autoRetry) body.autoRetry = values.autoRetry;
  const outputs = toLines(values.outputs);
  if (!sameLines(outputs, order.outputs)) body.outputs = outputs;
  const materials = toLines(values.materials);
  if (!sameLines(materials, order.materials)) body.materials = materials;
  return Object.keys(body).length > 0 ? body : null;
}

/** The form's own fields; lines go to their sections, anything else to the Alert at the top. */
const formFields = ['merchantId', 'name', 'number', 'scheduledAt', 'priority', 'autoRetry', 'bom'] as const;
export type WorkOrderField = (typeof formFields)[number];

export function fieldOf(path: string): WorkOrderField | null {
  return formFields.find((field) => path === field || path.startsWith(`${field}.`)) ?? null;
}

/** Messages no field of the form shows (e.g. `warehouseId`), as "field: message" for the Alert. */
export function unplacedErrors(fieldErrors: Readonly<Record<string, string>>): string[] {
  return Object.entries(fieldErrors)
    .filter(([path]) => fieldOf(path) === null && !isLinesPath(path, 'outputs') && !isLinesPath(path, 'materials'))
    .map(([path, message]) => `${path}: ${message}`);
}

/** A form field's message, e.g. 'bom.sets' shown at the BOM. */
export function fieldError(fieldErrors: Readonly<Record<string, string>>, field: WorkOrderField): string | undefined {
  return Object.entries(fieldErrors).find(([path]) => fieldOf(path) === field)?.[1];
}
