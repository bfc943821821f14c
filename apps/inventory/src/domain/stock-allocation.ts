/** One bin's stock of a SKU, as the allocation sees it. */
export interface BinStock {
  readonly locationCode: string;
  readonly onHand: number;
  readonly reserved: number;
}

export type AllocationDecision =
  | { readonly kind: 'allocated'; readonly allocations: readonly { locationCode: string; quantity: number }[] }
  | { readonly kind: 'short'; readonly available: number };

/**
 * Decides which bins a reservation takes its quantity from: bins in the given (walking) order,
 * each up to what it has available. All or nothing: if the bins together lack the quantity,
 * nothing is allocated and the answer says how much was available.
 */
export function allocateAcrossBins(bins: readonly BinStock[], quantity: number): AllocationDecision {
  const available = bins.reduce((sum, bin) => sum + (bin.onHand - bin.reserved), 0);
  if (available < quantity) return { kind: 'short', available };
  const allocations: { locationCode: string; quantity: number }[] = [];
  let remaining = quantity;
  for (const bin of bins) {
    if (remaining === 0) break;
    const take = Math.min(bin.onHand - bin.reserved, remaining);
    if (take > 0) {
      allocations.push({ locationCode: bin.locationCode, quantity: take });
      remaining -= take;
    }
  }
  return { kind: 'allocated', allocations };
}
