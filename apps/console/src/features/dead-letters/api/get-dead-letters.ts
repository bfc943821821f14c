import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { DeadLetterList, DeadLetterListQuery } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

/** `GET /dead-letters`: counts per topic (all of them) and one page of the matching dead letters, with the total. */
export const getDeadLetters = async (query: DeadLetterListQuery) => {
  const { body, total } = await api.getPage<DeadLetterList>('/dead-letters', { ...query });
  return { ...body, total };
};

export const deadLettersQueryOptions = (query: DeadLetterListQuery) =>
  queryOptions({ queryKey: ['dead-letters', 'list', query], queryFn: () => getDeadLetters(query), placeholderData: keepPreviousData, refetchInterval: 10_000 });

export const useDeadLetters = (query: DeadLetterListQuery) => useQuery(deadLettersQueryOptions(query));
