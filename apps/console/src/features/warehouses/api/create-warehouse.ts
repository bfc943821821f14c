import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Warehouse, WarehouseBody } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

export const createWarehouse = (body: WarehouseBody) => api.post<Warehouse>('/warehouses', body);

export function useCreateWarehouse() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createWarehouse, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['warehouses'] }) });
}
