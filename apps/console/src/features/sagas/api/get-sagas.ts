import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { SagaList, SagaListQuery } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

/** Sagas read themselves again this often (ms): an SRE watches them move. */
export const sagasRefetchInterval = 5_000;

/** What the Sagas screen asks for (paging by page and pageSize, not `limit`). */
export type SagaSearch = Omit<SagaListQuery, 'limit'>;

/** `GET /sagas`: counts per state (unfiltered) and one page of the matching sagas, with the total. */
export const getSagas = async (query: SagaSearch) => {
  const { body, total } = await api.getPage<SagaList>('/sagas', { ...query });
  return { ...body, total };
};

export const sagasQueryOptions = (query: SagaSearch) =>
  queryOptions({
    queryKey: ['sagas', 'list', query],
    queryFn: () => getSagas(query),
    placeholderData: keepPreviousData,
    refetchInterval: sagasRefetchInterval,
  });

export const useSagas = (query: SagaSearch) => useQuery(sagasQueryOptions(query));
