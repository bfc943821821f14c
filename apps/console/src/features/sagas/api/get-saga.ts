import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Saga } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';
import { sagasRefetchInterval } from './get-sagas';

export const getSaga = (id: string) => api.get<Saga>(`/sagas/${encodeURIComponent(id)}`);

/** Under ['sagas', ...] so invalidating ['sagas'] refreshes the detail with the list; polled while the saga runs. */
export const sagaQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['sagas', 'detail', id],
    queryFn: () => getSaga(id),
    refetchInterval: (query) => (query.state.data?.state === 'FINISHED' ? false : sagasRefetchInterval),
  });

export const useSaga = (id: string) => useQuery(sagaQueryOptions(id));
