import { NEXT_CURSOR_HEADER, TOTAL_COUNT_CAP, TOTAL_COUNT_CAPPED_HEADER } from '@wo/contracts/rest';
import type { Response } from 'express';
import { invalidInput } from './problem';

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

/**
 * Answers a page as the list endpoints do: the body is the array of the page's items, the total
 * goes in the `X-Total-Count` header (so clients that read the array as before keep working).
 */
export function withTotalCount<T>(response: Response, page: Page<T>): T[] {
  response.setHeader('X-Total-Count', String(page.total));
  return page.items;
}

/** A page that knows whether its total is the cap and which cursor follows it. */
export interface CursorPage<T> extends CappedPage<T> {
  /** The `after` of the next page; null on the last one. */
  readonly nextCursor: string | null;
}

/** A page whose total was counted only up to TOTAL_COUNT_CAP. */
export interface CappedPage<T> extends Page<T> {
  /** The total is TOTAL_COUNT_CAP: at least that many match. */
  readonly totalCapped: boolean;
}

/** Answers a page as the header lists do, the total in `X-Total-Count` with `X-Total-Count-Capped: true` when it is the cap. */
export function withCappedTotal<T>(response: Response, page: CappedPage<T>): T[] {
  if (page.totalCapped) response.setHeader(TOTAL_COUNT_CAPPED_HEADER, 'true');
  return withTotalCount(response, page);
}

/**
 * Answers a keyset page as the header lists do: the total in `X-Total-Count` (with
 * `X-Total-Count-Capped: true` when it is the cap) and the next page's cursor in `X-Next-Cursor`.
 */
export function withCursor<T>(response: Response, page: CursorPage<T>): T[] {
  if (page.nextCursor !== null) response.setHeader(NEXT_CURSOR_HEADER, page.nextCursor);
  return withCappedTotal(response, page);
}

/**
 * What a Prisma `count` needs to count up to the cap (read its answer with `cappedTotal`), in the
 * list's own `orderBy`: with `take`, Prisma orders the counted rows, by id unless told, and a count
 * in the list's order reads the index the page reads, where by id it sorted every match.
 */
export function cappedCountArgs<Order>(orderBy: Order): { take: number; orderBy: Order } {
  return { take: TOTAL_COUNT_CAP + 1, orderBy };
}

/** A count read with `LIMIT cap + 1`: the total to answer, and whether it stopped at the cap. */
export function cappedTotal(counted: number): { total: number; totalCapped: boolean } {
  return counted > TOTAL_COUNT_CAP ? { total: TOTAL_COUNT_CAP, totalCapped: true } : { total: counted, totalCapped: false };
}

/**
 * A cursor is a tag (which list, in which sort) and the last row's sort key, JSON in base64url:
 * opaque to clients (they only send back what a list gave), checked on the way in so a cursor of
 * another list or sort, or a hand-made one, is a 400 naming `after` rather than a wrong page.
 */
export function encodeCursor(tag: string, key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([tag, ...key])).toString('base64url');
}

/**
 * The key of `after` when it carries `tag` and each element is of the kind `kinds` says (an ISO
 * date-time is checked as one); otherwise a 400 naming `query.after`.
 */
export function decodeCursor(after: string, tag: string, kinds: readonly ('string' | 'number' | 'date')[]): (string | number)[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const fits =
    Array.isArray(key) &&
    key.length === kinds.length + 1 &&
    key[0] === tag &&
    kinds.every((kind, index) => {
      const value: unknown = key[index + 1];
      if (kind === 'number') return typeof value === 'number' && Number.isSafeInteger(value);
      if (kind === 'date') return typeof value === 'string' && !Number.isNaN(Date.parse(value)) && /^\d{4}-\d\d-\d\dT/.test(value);
      return typeof value === 'string';
    });
  if (!fits) throw invalidInput([{ field: 'query.after', message: 'not a cursor this list gave (send back nextCursor or X-Next-Cursor as it came)' }]);
  return (key as (string | number)[]).slice(1);
}

/** `after` goes with the first page only: the cursor says where the page starts. */
export function requireOnePagingMode(query: { page: number; after?: string | undefined }): void {
  if (query.after !== undefined && query.page !== 1) throw invalidInput([{ field: 'query.after', message: 'give either after or page, not both' }]);
}
