import { MAX_STORED_QUANTITY } from '@wo/contracts/rest';
import type { BinStock } from './stock-allocation';

export type AdjustmentDecision =
  | { readonly kind: 'accepted'; readonly onHand: number }
  | { readonly kind: 'refused'; readonly detail: string }
  /** Beyond what a bin can hold: bad input rather than a conflict with the bin's state. */
  | { readonly kind: 'out-of-range'; readonly detail: string };

/**
 * A restock (positive) or correction (negative) of one bin. A correction may never take onHand
 * below what is reserved there: reserved stock is promised to a work order. Nor may a restock
 * take a bin past the most its column holds.
 */
export function decideAdjustment(bin: BinStock, quantity: number): AdjustmentDecision {
  const onHand = bin.onHand + quantity;
  if (onHand < 0) return { kind: 'refused', detail: `only ${bin.onHand} on hand at ${bin.locationCode}` };
  if (onHand < bin.reserved) {
    return {
      kind: 'refused',
      detail: `${bin.reserved} of ${bin.onHand} at ${bin.locationCode} are reserved; at most ${bin.onHand - bin.reserved} can be removed`,
    };
  }
  if (onHand > MAX_STORED_QUANTITY) {
    return { kind: 'out-of-range', detail: `${bin.onHand} on hand at ${bin.locationCode}: at most ${MAX_STORED_QUANTITY - bin.onHand} more fit in one bin` };
  }
  return { kind: 'accepted', onHand };
}
