import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PickingList, PickingListQuery } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

export const getPickingLists = (query: PickingListQuery) => api.get<PickingList[]>('/picking-lists', { ...query });

export const pickingListsQueryOptions = (query: PickingListQuery) =>
  queryOptions({ queryKey: ['picking-lists', 'list', query], queryFn: () => getPickingLists(query) });

export const usePickingLists = (query: PickingListQuery, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...pickingListsQueryOptions(query), enabled });
