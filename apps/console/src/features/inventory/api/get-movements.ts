import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { MovementQuery, StockMovement } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

/** The ledger, oldest first as the API answers it (at most 1,000 rows). */
export const getMovements = (query: MovementQuery) => api.get<StockMovement[]>('/inventory/movements', { ...query });

export const movementsQueryOptions = (query: MovementQuery) =>
  queryOptions({ queryKey: ['inventory', 'movements', query], queryFn: () => getMovements(query), placeholderData: keepPreviousData });

export const useMovements = (query: MovementQuery, enabled = true) => useQuery({ ...movementsQueryOptions(query), enabled });
