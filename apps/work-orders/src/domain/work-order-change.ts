import type { OutgoingMessage } from '@wo/contracts/envelope';
import type { LocationAllocation } from '@wo/contracts/inventory';
import type { LifecycleEvent } from './work-order-lifecycle';

/** What a saga knows of the (locked) work order it changes. */
export interface SagaOrder {
  readonly id: string;
  readonly number: string;
  readonly merchantId: string;
  readonly warehouseId: string;
  readonly status: string;
  readonly inboundStatus: string | null;
}

/** A reservation an allocated order holds until it is released or consumed. */
export interface HeldReservation {
  readonly reservationId: string;
  readonly lineId: string;
  readonly sku: string;
  readonly quantity: number;
  readonly allocations: readonly LocationAllocation[];
}

/**
 * One change of a work order, as a value: the lifecycle event that moves its status (through the
 * guarded `evolve`), its history line, the public events it publishes, what else it sets, and
 * what becomes of its held reservations. Sagas declare these; `WorkOrderTransitions` writes them.
 */
export interface WorkOrderChange {
  readonly event: LifecycleEvent;
  readonly history: { readonly event: string; readonly detail: Record<string, unknown> };
  readonly messages: readonly OutgoingMessage[];
  /** Set when present (an allocation outcome sets them, empty when allocated); kept otherwise. */
  readonly shortages?: unknown;
  readonly inboundOrderId?: string;
  readonly inboundStatus?: string;
  readonly reservations?: { readonly hold: readonly HeldReservation[] } | { readonly end: 'RELEASED' | 'CONSUMED' };
}
