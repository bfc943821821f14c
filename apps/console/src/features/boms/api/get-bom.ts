import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Bom } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

export const getBom = (id: string) => api.get<Bom>(`/boms/${encodeURIComponent(id)}`);

/** Under ['boms', ...] so invalidating ['boms'] after a change refreshes it with the lists. */
export const bomQueryOptions = (id: string) => queryOptions({ queryKey: ['boms', id], queryFn: () => getBom(id) });

export const useBom = (id: string | undefined) => useQuery({ ...bomQueryOptions(id ?? ''), enabled: Boolean(id) });
