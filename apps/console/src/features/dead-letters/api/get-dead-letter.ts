import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DeadLetter } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

export const getDeadLetter = (id: string) => api.get<DeadLetter>(`/dead-letters/${encodeURIComponent(id)}`);

/** Under ['dead-letters', ...] so invalidating ['dead-letters'] after a replay refreshes the detail with the list. */
export const deadLetterQueryOptions = (id: string) => queryOptions({ queryKey: ['dead-letters', 'detail', id], queryFn: () => getDeadLetter(id) });

export const useDeadLetter = (id: string) => useQuery(deadLetterQueryOptions(id));
