import { MAX_STORED_QUANTITY } from '@wo/contracts/rest';
import type { PutawayRefusalField } from '@wo/contracts/inventory';

/** What inventory knows about where a putaway is to go, read in its transaction. */
export interface PutawayTarget {
  readonly sku: string;
  readonly locationCode: string;
  readonly quantity: number;
  /** Whether the warehouse has that location. */
  readonly locationKnown: boolean;
  /** Whether the merchant has that product. */
  readonly productKnown: boolean;
  /** What the bin (and lot) holds now: 0 when the SKU never landed there. */
  readonly onHand: number;
}

export type PutawayDecision =
  | { readonly kind: 'shelved' }
  /** No stock moves: the goods are still the receiver's to put away, elsewhere. */
  | { readonly kind: 'refused'; readonly field: PutawayRefusalField; readonly reason: string };

/**
 * Whether a putaway can be shelved. Inbound checks the location against its replica before it
 * sends the command, but only inventory knows what a bin holds, and its locations and products
 * are the truth (the replica may lag). A lot whose expiry differs is not refused: the lot keeps
 * its first expiry, as every other bin would give the same answer.
 */
export function decidePutaway(target: PutawayTarget): PutawayDecision {
  if (!target.locationKnown) return { kind: 'refused', field: 'locationCode', reason: `no location ${target.locationCode} in this warehouse` };
  if (!target.productKnown) return { kind: 'refused', field: 'sku', reason: `no product ${target.sku} for this merchant` };
  if (target.onHand + target.quantity > MAX_STORED_QUANTITY) {
    return {
      kind: 'refused',
      field: 'quantity',
      reason: `${target.locationCode} holds ${target.onHand} of ${target.sku}: at most ${MAX_STORED_QUANTITY - target.onHand} more fit in one bin, not ${target.quantity}`,
    };
  }
  return { kind: 'shelved' };
}
