import type { PayloadOf } from '@wo/contracts/envelope';
import type { FinishedGoodsInboundCreated } from '@wo/contracts/inbound';
import type { ReservationConsumed } from '@wo/contracts/inventory';
import type { StockReply } from './stock-reply';

/** Every reply a work-order saga can receive, as one discriminated union. */
export type SagaReply =
  | StockReply
  | { readonly type: typeof ReservationConsumed.type; readonly payload: PayloadOf<typeof ReservationConsumed> }
  | { readonly type: typeof FinishedGoodsInboundCreated.type; readonly payload: PayloadOf<typeof FinishedGoodsInboundCreated> };
