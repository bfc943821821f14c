import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PickingRequest } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

export const getPickingRequests = (warehouseId: string) => api.get<PickingRequest[]>('/picking-requests', { warehouseId });

export const pickingRequestsQueryOptions = (warehouseId: string) =>
  queryOptions({ queryKey: ['picking-requests', warehouseId], queryFn: () => getPickingRequests(warehouseId) });

/** Refetched every 5 s: orders confirmed elsewhere show up while the operator looks at the page. */
export const usePickingRequests = (warehouseId: string | null) =>
  useQuery({ ...pickingRequestsQueryOptions(warehouseId ?? ''), enabled: Boolean(warehouseId), refetchInterval: 5_000 });
