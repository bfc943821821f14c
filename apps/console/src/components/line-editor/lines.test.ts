import { describe, expect, it } from 'vitest';
import { linesErrorsFrom, isLinesPath } from './line-errors';
import { newLine, sameLines, toLines, validateLines } from './lines';

describe('validateLines', () => {
  it('asks for a line, a SKU, a positive whole quantity, and each SKU once, keyed like the API', () => {
    expect(validateLines('outputs', [])).toEqual({ outputs: 'Add at least one output' });
    const errors = validateLines('materials', [newLine('GIFT-BOX', 1), newLine(' ', 2), newLine('GIFT-BOX', 0), newLine('TEA', '')]);
    expect(errors).toEqual({
      'materials[1].sku': 'Choose a SKU',
      'materials[2].sku': 'GIFT-BOX appears more than once',
      'materials[2].quantity': 'Enter a whole number of at least 1',
      'materials[3].quantity': 'Enter a whole number of at least 1',
    });
  });

  it('lets good lines through, trimmed for the API', () => {
    const lines = [newLine(' CHOC-BAR ', 20)];
    expect(validateLines('materials', lines)).toEqual({});
    expect(toLines(lines)).toEqual([{ sku: 'CHOC-BAR', quantity: 20 }]);
  });

  it('compares lines by SKU, quantity and order', () => {
    expect(sameLines([{ sku: 'A', quantity: 1 }], [{ sku: 'A', quantity: 1 }])).toBe(true);
    expect(sameLines([{ sku: 'A', quantity: 1 }], [{ sku: 'A', quantity: 2 }])).toBe(false);
    expect(sameLines([{ sku: 'A', quantity: 1 }], [])).toBe(false);
  });
});

describe('linesErrorsFrom', () => {
  const fieldErrors = {
    name: 'required',
    outputs: 'at least one line is required',
    'materials[1].quantity': 'Too small',
    'materials[0].sku': 'unknown SKU NOPE',
    'materials[2]': 'bad line',
  };

  it('puts section messages on the section and row messages on their row and field', () => {
    expect(linesErrorsFrom(fieldErrors, 'outputs')).toEqual({ section: 'at least one line is required', rows: {} });
    expect(linesErrorsFrom(fieldErrors, 'materials')).toEqual({
      rows: { 0: { sku: 'unknown SKU NOPE' }, 1: { quantity: 'Too small' }, 2: { sku: 'bad line' } },
    });
  });

  it('knows which paths belong to a section', () => {
    expect(isLinesPath('materials[1].quantity', 'materials')).toBe(true);
    expect(isLinesPath('materials', 'materials')).toBe(true);
    expect(isLinesPath('name', 'materials')).toBe(false);
  });
});
