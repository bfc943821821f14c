import type { Response } from 'express';

/** Which page of a list to read (as `pageQuery` of the REST contract parses it). */
export interface PageRequest {
  readonly page: number;
  readonly pageSize: number;
}

/** One page of a list and how many items match in all. */
export interface Page<T> {
  readonly items: T[];
  readonly total: number;
}

/** The page as Prisma's `skip` and `take`. */
export function skipTake({ page, pageSize }: PageRequest): { skip: number; take: number } {
  return { skip: (page - 1) * pageSize, take: pageSize };
}

/** A page cut from rows that are assembled in memory (grouped rows), already in their stable order. */
export function pageOf<T>(rows: readonly T[], request: PageRequest): Page<T> {
  const { skip, take } = skipTake(request);
  return { items: rows.slice(skip, skip + take), total: rows.length };
}

/**
 * Answers a page as the list endpoints do: the body is the array of the page's items, the total
 * goes in the `X-Total-Count` header (so clients that read the array as before keep working).
 */
export function withTotalCount<T>(response: Response, page: Page<T>): T[] {
  response.setHeader('X-Total-Count', String(page.total));
  return page.items;
}
