import type { InventoryTransaction } from './inventory-database';

/** A lot as inventory keeps it: its expiry day (`YYYY-MM-DD`) when it has one. */
export interface KnownLot {
  readonly code: string;
  readonly expiresOn: string | null;
}

/**
 * The lot of a merchant's SKU, created with `expiresOn` the first time it is named; a known lot
 * keeps the expiry it has (the caller decides what a different one means). Two statements, so
 * the read sees a lot another transaction created meanwhile.
 */
export async function findOrCreateLot(
  tx: InventoryTransaction,
  lot: { merchantId: string; sku: string; code: string; expiresOn?: string | null },
): Promise<KnownLot> {
  await tx.$executeRawUnsafe(
    `INSERT INTO lot (merchant_id, sku, code, expires_on) VALUES ($1, $2, $3, $4::date) ON CONFLICT (merchant_id, sku, code) DO NOTHING`,
    lot.merchantId,
    lot.sku,
    lot.code,
    lot.expiresOn ?? null,
  );
  const [known] = await tx.$queryRawUnsafe<{ code: string; expires_on: string | null }[]>(
    `SELECT code, expires_on::text AS expires_on FROM lot WHERE merchant_id = $1 AND sku = $2 AND code = $3`,
    lot.merchantId,
    lot.sku,
    lot.code,
  );
  return { code: known!.code, expiresOn: known!.expires_on };
}

/** Whether naming a lot with `expiresOn` contradicts the expiry it has (naming none never does). */
export function contradictsExpiry(lot: KnownLot, expiresOn: string | undefined | null): boolean {
  return expiresOn != null && lot.expiresOn !== expiresOn;
}
