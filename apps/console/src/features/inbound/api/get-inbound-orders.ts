import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InboundOrder, InboundOrderQuery } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

export const getInboundOrders = (query: InboundOrderQuery) => api.get<InboundOrder[]>('/inbound-orders', { ...query });

export const inboundOrdersQueryOptions = (query: InboundOrderQuery) =>
  queryOptions({ queryKey: ['inbound-orders', 'list', query], queryFn: () => getInboundOrders(query) });

export const useInboundOrders = (query: InboundOrderQuery, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...inboundOrdersQueryOptions(query), enabled });
