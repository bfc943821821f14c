import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InboundOrder, PutawayBody } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';
import { invalidateInbound } from './invalidate-inbound';

/** Shelves received goods at locations of the warehouse; inventory raises on hand there. */
export const putAwayInboundOrder = (id: string, body: PutawayBody) => api.post<InboundOrder>(`/inbound-orders/${encodeURIComponent(id)}/putaway`, body);

export function usePutAwayInboundOrder(id: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (body: PutawayBody) => putAwayInboundOrder(id, body), onSuccess: () => invalidateInbound(queryClient) });
}
