import type { WorkOrderDetail } from '@wo/contracts/rest';
import { describe, expect, it } from 'vitest';
import { newLine } from '../../../components/line-editor/lines';
import {
  createBody,
  fieldError,
  initialValues,
  linesForSets,
  unplacedErrors,
  updateBody,
  validateWorkOrder,
  type WorkOrderFormValues,
} from './work-order-form-model';

const holiday = {
  outputs: [{ sku: 'GIFT-SET-HOLIDAY', quantity: 1 }],
  materials: [
    { sku: 'GIFT-BOX', quantity: 1 },
    { sku: 'CHOC-BAR', quantity: 2 },
  ],
};
const strip = (lines: readonly { sku: string; quantity: number | '' }[]) => lines.map(({ sku, quantity }) => ({ sku, quantity }));

const filled: WorkOrderFormValues = {
  merchantId: 'm1',
  name: ' Holiday sets ',
  number: '',
  scheduledAt: '2026-12-20',
  priority: 'NORMAL',
  autoRetry: true,
  outputs: [newLine('GIFT-SET-HOLIDAY', 10)],
  materials: [newLine('GIFT-BOX', 10)],
  bom: null,
};

const order = {
  id: 'wo-1',
  number: 'WO-WH1-00001',
  name: 'Holiday sets',
  merchantId: 'm1',
  warehouseId: 'wh1',
  scheduledAt: '2026-12-20T00:00:00.000Z',
  status: 'DRAFT',
  outputs: [{ id: 'l1', sku: 'GIFT-SET-HOLIDAY', quantity: 10 }],
  materials: [{ id: 'l2', sku: 'GIFT-BOX', quantity: 10 }],
} as WorkOrderDetail;

describe('linesForSets', () => {
  it('multiplies every line of the recipe by the sets', () => {
    const lines = linesForSets(holiday, 10);
    expect(strip(lines.outputs)).toEqual([{ sku: 'GIFT-SET-HOLIDAY', quantity: 10 }]);
    expect(strip(lines.materials)).toEqual([
      { sku: 'GIFT-BOX', quantity: 10 },
      { sku: 'CHOC-BAR', quantity: 20 },
    ]);
  });
});

describe('createBody', () => {
  it('sends the lines, the trimmed name, the calendar date, and no number when none was given', () => {
    expect(createBody(filled, 'wh1')).toEqual({
      merchantId: 'm1',
      warehouseId: 'wh1',
      name: 'Holiday sets',
      scheduledAt: '2026-12-20',
      outputs: [{ sku: 'GIFT-SET-HOLIDAY', quantity: 10 }],
      materials: [{ sku: 'GIFT-BOX', quantity: 10 }],
    });
  });

  it('sends the recipe instead of the lines while they are as it filled them', () => {
    const body = createBody({ ...filled, number: ' WO-7 ', scheduledAt: null, bom: { bomId: 'bom-1', sets: 10 } }, 'wh1');
    expect(body).toEqual({ merchantId: 'm1', warehouseId: 'wh1', name: 'Holiday sets', number: 'WO-7', bom: { bomId: 'bom-1', sets: 10 } });
  });
});

describe('updateBody', () => {
  it('is null when nothing differs, and carries only what changed', () => {
    expect(updateBody(initialValues(order), order)).toBeNull();
    const values = { ...initialValues(order), scheduledAt: null, materials: [newLine('GIFT-BOX', 8)] };
    expect(updateBody(values, order)).toEqual({ scheduledAt: null, materials: [{ sku: 'GIFT-BOX', quantity: 8 }] });
  });

  it('shows the scheduled date as its UTC calendar date', () => {
    expect(initialValues(order).scheduledAt).toBe('2026-12-20');
  });
});

describe('validateWorkOrder and the API messages', () => {
  it('asks for merchant, name and a line in each section', () => {
    expect(validateWorkOrder({ ...filled, merchantId: null, name: ' ', outputs: [], materials: [] })).toEqual({
      merchantId: 'Choose the merchant',
      name: 'Enter a name',
      outputs: 'Add at least one output',
      materials: 'Add at least one material',
    });
    expect(validateWorkOrder(filled)).toEqual({});
  });

  it('places form fields by their path and leaves the rest for the Alert', () => {
    const errors = { 'bom.sets': 'Too big', name: 'Too small', 'materials[1].quantity': 'Too small', warehouseId: 'unknown warehouse' };
    expect(fieldError(errors, 'bom')).toBe('Too big');
    expect(fieldError(errors, 'name')).toBe('Too small');
    expect(unplacedErrors(errors)).toEqual(['warehouseId: unknown warehouse']);
  });
});

describe('priority and auto-retry', () => {
  it('go unsaid at their defaults, and are sent when chosen', () => {
    expect(createBody(filled, 'wh1')).not.toHaveProperty('priority');
    expect(createBody({ ...filled, priority: 'URGENT', autoRetry: false }, 'wh1')).toMatchObject({ priority: 'URGENT', autoRetry: false });
  });

  it('are in the edit body only when changed', () => {
    const current = { ...order, priority: 'NORMAL', autoRetry: true } as WorkOrderDetail;
    expect(updateBody({ ...initialValues(current), priority: 'HIGH' }, current)).toEqual({ priority: 'HIGH' });
    expect(updateBody({ ...initialValues(current), autoRetry: false }, current)).toEqual({ autoRetry: false });
  });
});
