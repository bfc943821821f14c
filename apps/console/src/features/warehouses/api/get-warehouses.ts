import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Warehouse } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

export const getWarehouses = () => api.get<Warehouse[]>('/warehouses');

export const warehousesQueryOptions = () => queryOptions({ queryKey: ['warehouses'], queryFn: getWarehouses, staleTime: 60_000 });

export const useWarehouses = () => useQuery(warehousesQueryOptions());
