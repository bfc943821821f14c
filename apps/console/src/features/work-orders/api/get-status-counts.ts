import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { WorkOrderFilter, WorkOrderStatusCounts } from '@wo/contracts/rest';
import { ApiError, api } from '../../../lib/api-client';

/** `GET /work-orders/status-counts`: the list's filters without status, sort and paging. */
export type WorkOrderStatusCountsSearch = Partial<WorkOrderFilter>;

/**
 * The counts per status (and which are capped: at least that many), or null where the API does
 * not offer them (404 from a gateway that predates the endpoint): the Status filter then simply
 * shows no numbers.
 */
export async function getWorkOrderStatusCounts(search: WorkOrderStatusCountsSearch): Promise<WorkOrderStatusCounts | null> {
  try {
    const { counts, capped } = await api.get<WorkOrderStatusCounts>('/work-orders/status-counts', { ...search });
    // A gateway from before the cap sends no `capped`: every count is exact.
    return { counts, capped: capped ?? [] };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export const workOrderStatusCountsQueryOptions = (search: WorkOrderStatusCountsSearch) =>
  queryOptions({ queryKey: ['work-orders', 'status-counts', search], queryFn: () => getWorkOrderStatusCounts(search), placeholderData: keepPreviousData });

export const useWorkOrderStatusCounts = (
  search: WorkOrderStatusCountsSearch,
  { enabled = true, refetchInterval }: { enabled?: boolean; refetchInterval?: number | false } = {},
) => useQuery({ ...workOrderStatusCountsQueryOptions(search), enabled, refetchInterval });
