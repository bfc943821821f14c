import type { StockMovement, StockMovementKind } from '@wo/contracts/rest';

/** The ledger's "Kind" column in plain words. */
export const movementKindLabels: Record<StockMovementKind, string> = {
  ADJUSTMENT: 'Adjustment',
  CONSUMPTION: 'Consumption',
  PUTAWAY: 'Putaway',
};

export const movementKindColors: Record<StockMovementKind, string> = {
  ADJUSTMENT: 'blue',
  CONSUMPTION: 'orange',
  PUTAWAY: 'green',
};

/** The API answers oldest first; an operator looks for what just happened. */
export function newestFirst(movements: readonly StockMovement[]): StockMovement[] {
  return [...movements].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || Number(b.id) - Number(a.id));
}

/** "Reason / Reference": why it moved, and what caused it when something did. */
export function describeMovement(movement: Pick<StockMovement, 'reason' | 'reference'>): string {
  if (movement.reference && movement.reference !== movement.reason) return movement.reason ? `${movement.reason} · ${movement.reference}` : movement.reference;
  return movement.reason || '—';
}
