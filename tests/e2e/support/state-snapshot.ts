import { createHash } from 'node:crypto';
import { signedInFetch } from './signed-in';

/** Every list of the system's state, read through the gateway (as admin): what a refused request must leave alone. */
export const STATE_LISTS = [
  '/merchants',
  '/warehouses',
  '/products?limit=200',
  '/inventory',
  '/inventory/movements',
  '/inventory/reservations',
  '/boms',
  '/work-orders?sort=createdAt',
  '/picking-lists',
  '/inbound-orders',
  '/sagas?limit=500',
  '/dead-letters',
] as const;

/** A checksum per list (every page of it), so a difference says which list changed. */
export type StateSnapshot = Record<string, string>;

export async function snapshotState(baseUrl: string): Promise<StateSnapshot> {
  const entries = await Promise.all(STATE_LISTS.map(async (list) => [list, digest(await readAll(baseUrl, list))] as const));
  return Object.fromEntries(entries);
}

async function readAll(baseUrl: string, list: string): Promise<unknown[]> {
  const pages: unknown[] = [];
  const pageSize = list.startsWith('/work-orders') ? 200 : 500;
  for (let page = 1; ; page++) {
    const response = await signedInFetch(`${baseUrl}${list}${list.includes('?') ? '&' : '?'}page=${page}&pageSize=${pageSize}`);
    if (!response.ok) throw new Error(`GET ${list} answered ${response.status}: ${await response.text()}`);
    const body = await response.json();
    pages.push(body);
    const total = Number(response.headers.get('x-total-count') ?? (body as { total?: number }).total ?? 0);
    if (page * pageSize >= total) return pages;
  }
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
