import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InboundOrder, ReceiveBody } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';
import { invalidateInbound } from './invalidate-inbound';

/** Counts goods in; partial receipts allowed, never beyond what is expected (400 over-receipt). */
export const receiveInboundOrder = (id: string, body: ReceiveBody) => api.post<InboundOrder>(`/inbound-orders/${encodeURIComponent(id)}/receive`, body);

export function useReceiveInboundOrder(id: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (body: ReceiveBody) => receiveInboundOrder(id, body), onSuccess: () => invalidateInbound(queryClient) });
}
