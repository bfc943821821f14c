import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InboundOrder } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

export const getInboundOrder = (id: string) => api.get<InboundOrder>(`/inbound-orders/${encodeURIComponent(id)}`);

/** Under ['inbound-orders', ...] so invalidating ['inbound-orders'] refreshes the detail with the table. */
export const inboundOrderQueryOptions = (id: string) => queryOptions({ queryKey: ['inbound-orders', 'detail', id], queryFn: () => getInboundOrder(id) });

export const useInboundOrder = (id: string) => useQuery(inboundOrderQueryOptions(id));
