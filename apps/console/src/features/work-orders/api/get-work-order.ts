import { queryOptions, useQuery } from '@tanstack/react-query';
import type { WorkOrderDetail } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

export const getWorkOrder = (id: string) => api.get<WorkOrderDetail>(`/work-orders/${encodeURIComponent(id)}`);

/** Under ['work-orders', ...] so an action's invalidation of ['work-orders'] refreshes it with the list. */
export const workOrderQueryOptions = (id: string) => queryOptions({ queryKey: ['work-orders', id], queryFn: () => getWorkOrder(id) });

type RefetchInterval = (detail: WorkOrderDetail | undefined) => number | false;

/**
 * One work order. `refetchInterval` lets the detail page poll while a saga step settles;
 * the edit form can leave it out.
 */
export const useWorkOrder = (id: string, { refetchInterval }: { refetchInterval?: RefetchInterval } = {}) =>
  useQuery({ ...workOrderQueryOptions(id), refetchInterval: refetchInterval ? (query) => refetchInterval(query.state.data) : undefined });
