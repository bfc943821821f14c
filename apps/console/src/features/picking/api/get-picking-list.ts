import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PickingList } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

export const getPickingList = (id: string) => api.get<PickingList>(`/picking-lists/${encodeURIComponent(id)}`);

/** Under ['picking-lists', ...] so invalidating ['picking-lists'] refreshes the detail with the table. */
export const pickingListQueryOptions = (id: string) => queryOptions({ queryKey: ['picking-lists', 'detail', id], queryFn: () => getPickingList(id) });

export const usePickingList = (id: string) => useQuery(pickingListQueryOptions(id));
