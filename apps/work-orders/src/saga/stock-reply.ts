import type { PayloadOf } from '@wo/contracts/envelope';
import type { StockReleased, StockReservationRejected, StockReserved } from '@wo/contracts/inventory';

/** The inventory replies the work-order sagas listen to, as a discriminated union. */
export type StockReply =
  | { readonly type: typeof StockReserved.type; readonly payload: PayloadOf<typeof StockReserved> }
  | { readonly type: typeof StockReservationRejected.type; readonly payload: PayloadOf<typeof StockReservationRejected> }
  | { readonly type: typeof StockReleased.type; readonly payload: PayloadOf<typeof StockReleased> };
