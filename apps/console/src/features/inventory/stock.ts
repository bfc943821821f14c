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
