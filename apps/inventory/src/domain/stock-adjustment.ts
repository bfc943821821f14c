import type { BinStock } from './stock-allocation';

export type AdjustmentDecision =
  | { readonly kind: 'accepted'; readonly onHand: number }
  | { readonly kind: 'refused'; readonly detail: string };

/**
 * A restock (positive) or correction (negative) of one bin. A correction may never take onHand
 * below what is reserved there: reserved stock is promised to a work order.
 */
export function decideAdjustment(bin: BinStock, quantity: number): AdjustmentDecision {
  const onHand = bin.onHand + quantity;
  if (onHand < 0) return { kind: 'refused', detail: `only ${bin.onHand} on hand at ${bin.locationCode}` };
  if (onHand < bin.reserved) {
    return { kind: 'refused', detail: `${bin.reserved} of ${bin.onHand} at ${bin.locationCode} are reserved; at most ${bin.onHand - bin.reserved} can be removed` };
  }
  return { kind: 'accepted', onHand };
}
