/** A lot as the allocation sees it: its expiry day (`YYYY-MM-DD`, none: never expires) and first receipt. */
export interface BinLot {
  readonly code: string;
  readonly expiresOn: string | null;
  readonly receivedAt: Date;
}

/** One bin's stock of a SKU, as the allocation sees it: per lot, for a lot-tracked SKU. */
export interface BinStock {
  readonly locationCode: string;
  /** Absent for stock without lots. */
  readonly lot?: BinLot;
  readonly onHand: number;
  readonly reserved: number;
}

/** Quantity taken from (or held at) one bin, and which lot it is, when it has one. */
export interface BinQuantity {
  readonly locationCode: string;
  readonly quantity: number;
  readonly lot?: string;
  readonly expiresOn?: string;
}

export type AllocationDecision =
  { readonly kind: 'allocated'; readonly allocations: readonly BinQuantity[] } | { readonly kind: 'short'; readonly available: number };

/** A lot is usable through its expiry day (UTC) and expired after it; `today` is `YYYY-MM-DD`. */
export function isExpired(lot: Pick<BinLot, 'expiresOn'> | undefined, today: string): boolean {
  return lot?.expiresOn != null && lot.expiresOn < today;
}

/** What a bin can still give: nothing once its lot expired. */
export function availableAt(bin: BinStock, today: string): number {
  return isExpired(bin.lot, today) ? 0 : bin.onHand - bin.reserved;
}

/** What the bins can still give together: expired lots left out. */
export function availableOf(bins: readonly BinStock[], today: string): number {
  return bins.reduce((sum, bin) => sum + availableAt(bin, today), 0);
}

/**
 * First expiry first out: earliest expiry first (a lot without one last), then the oldest receipt,
 * then location; stock without lots simply goes by location.
 */
export function fefoOrder(a: BinStock, b: BinStock): number {
  return (
    compareExpiry(a.lot?.expiresOn ?? null, b.lot?.expiresOn ?? null) ||
    (a.lot?.receivedAt.getTime() ?? 0) - (b.lot?.receivedAt.getTime() ?? 0) ||
    compareText(a.locationCode, b.locationCode) ||
    compareText(a.lot?.code ?? '', b.lot?.code ?? '')
  );
}

/**
 * Decides which bins (and lots) a reservation takes its quantity from: in FEFO order (see
 * `fefoOrder`), each up to what it has available, never an expired lot. All or nothing: if the
 * bins together lack the quantity, nothing is allocated and the answer says how much was available.
 */
export function allocateAcrossBins(bins: readonly BinStock[], quantity: number, today: string): AllocationDecision {
  const available = availableOf(bins, today);
  if (available < quantity) return { kind: 'short', available };
  const allocations: BinQuantity[] = [];
  let remaining = quantity;
  for (const bin of [...bins].sort(fefoOrder)) {
    if (remaining === 0) break;
    const take = Math.min(availableAt(bin, today), remaining);
    if (take > 0) {
      allocations.push({ locationCode: bin.locationCode, quantity: take, ...lotOf(bin) });
      remaining -= take;
    }
  }
  return { kind: 'allocated', allocations };
}

/** The bins after an allocation took its quantities from them (per bin and lot). */
export function withReserved(bins: readonly BinStock[], allocations: readonly BinQuantity[]): BinStock[] {
  return bins.map((bin) => {
    const taken = allocations.find((allocation) => binLotKey(allocation) === binLotKey(bin))?.quantity ?? 0;
    return taken === 0 ? bin : { ...bin, reserved: bin.reserved + taken };
  });
}

/** The lot fields of a bin, as allocations and messages carry them (absent for stock without lots). */
function lotOf(bin: Pick<BinStock, 'lot'>): { lot?: string; expiresOn?: string } {
  if (!bin.lot) return {};
  return { lot: bin.lot.code, ...(bin.lot.expiresOn !== null && { expiresOn: bin.lot.expiresOn }) };
}

/** One string per bin and lot, for maps. */
export function binLotKey(bin: { locationCode: string; lot?: string | { code: string } }): string {
  const lot = typeof bin.lot === 'string' ? bin.lot : (bin.lot?.code ?? '');
  return `${bin.locationCode}\u0000${lot}`;
}

function compareExpiry(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
