import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { WorkOrderList, WorkOrderListQuery } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

/** `GET /work-orders`: one page of the list, filtered (each filter repeatable) and sorted. */
export type WorkOrderListSearch = Partial<WorkOrderListQuery>;

/** While an order has a saga step in flight, the list reads itself again this often (ms). */
export const pendingRefetchInterval = 2_000;

export const getWorkOrders = (search: WorkOrderListSearch) => api.get<WorkOrderList>('/work-orders', { ...search });

export const workOrdersQueryOptions = (search: WorkOrderListSearch) =>
  queryOptions({
    queryKey: ['work-orders', 'list', search],
    queryFn: () => getWorkOrders(search),
    // The old page stays on screen while the next one loads, so paging does not flash.
    placeholderData: keepPreviousData,
    // A row showing "Allocating…" settles on screen by itself.
    refetchInterval: (query) => (query.state.data?.items.some((item) => item.pendingAction !== null) ? pendingRefetchInterval : false),
  });

export const useWorkOrders = (search: WorkOrderListSearch, enabled = true) => useQuery({ ...workOrdersQueryOptions(search), enabled });
