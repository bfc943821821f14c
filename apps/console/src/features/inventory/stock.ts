import type { Product, StockRow } from '@wo/contracts/rest';

/** A product is known by its merchant and SKU (two merchants may use the same SKU). */
export const productKey = (merchantId: string, sku: string) => `${merchantId}|${sku}`;

export function productNamesByKey(products: readonly Product[]): Map<string, string> {
  return new Map(products.map((product) => [productKey(product.merchantId, product.sku), product.name]));
}

/** The Stock tab's "SKU" box: a part of the SKU or of the product's name, any case. */
export function filterStockRows(rows: readonly StockRow[], text: string, names: ReadonlyMap<string, string>): StockRow[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...rows];
  return rows.filter((row) => row.sku.toLowerCase().includes(needle) || (names.get(productKey(row.merchantId, row.sku)) ?? '').toLowerCase().includes(needle));
}

/** The Location choices of the Adjust Stock form, each with what is on hand there for the SKU. */
export function locationOptions(locations: readonly string[], row: StockRow | undefined): { value: string; label: string }[] {
  const onHand = new Map((row?.locations ?? []).map((location) => [location.locationCode, location.onHand]));
  return locations.map((code) => {
    const quantity = onHand.get(code);
    return { value: code, label: quantity === undefined ? code : `${code} (${quantity} on hand)` };
  });
}

type StockLocation = StockRow['locations'][number];

/**
 * A location's lots (earliest expiry first, as the API orders them). A service that answers
 * without lots yet (a console deployed ahead of inventory) reads as a location without lots.
 */
export function lotsOf(location: StockLocation): StockLocation['lots'] {
  return location.lots ?? [];
}

/** Whether a row is kept by lot: the product says so, or its locations already hold lots. */
export function isLotTracked(row: StockRow): boolean {
  return row.lotTracked === true || row.locations.some((location) => lotsOf(location).length > 0);
}

/** How many of the row's lot holdings are past their expiry (on hand, never reserved). */
export function expiredLotCount(row: StockRow): number {
  return row.locations.reduce((count, location) => count + lotsOf(location).filter((lot) => lot.expired).length, 0);
}

/** The lots the SKU holds in this warehouse, each once with its expiry: the Adjust Stock form's Lot suggestions. */
export function knownLots(row: StockRow | undefined): { lot: string; expiresOn: string | null }[] {
  const byCode = new Map<string, string | null>();
  for (const location of row?.locations ?? []) for (const lot of lotsOf(location)) byCode.set(lot.lot, lot.expiresOn);
  return [...byCode].map(([lot, expiresOn]) => ({ lot, expiresOn }));
}
