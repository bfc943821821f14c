import { describe, expect, it } from 'vitest';
import { ApiError, withQuery } from './api-client';

describe('withQuery', () => {
  it('repeats a name for each value and leaves out empty ones', () => {
    expect(withQuery('/work-orders', { status: ['DRAFT', 'ALLOCATED'], q: '', merchantId: undefined, page: 2 })).toBe(
      '/work-orders?status=DRAFT&status=ALLOCATED&page=2',
    );
  });

  it('answers the bare path when there is nothing to add', () => {
    expect(withQuery('/boms', {})).toBe('/boms');
  });
});

describe('ApiError', () => {
  it('keys field messages by the API field path', () => {
    const error = new ApiError({ title: 'Invalid input', status: 400, errors: [{ field: 'materials[0].quantity', message: 'too big' }] });
    expect(error.fieldErrors).toEqual({ 'materials[0].quantity': 'too big' });
    expect(error.status).toBe(400);
  });
});
