import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { StockQuery, StockRow } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

export const getStock = (query: StockQuery) => api.get<StockRow[]>('/inventory', { ...query });

// Under ['inventory'] so one invalidation after an adjustment refreshes stock and ledger alike.
export const stockQueryOptions = (query: StockQuery) =>
  queryOptions({ queryKey: ['inventory', 'stock', query], queryFn: () => getStock(query), placeholderData: keepPreviousData });

export const useStock = (query: StockQuery, enabled = true) => useQuery({ ...stockQueryOptions(query), enabled });
