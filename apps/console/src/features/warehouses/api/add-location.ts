import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Location } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

export const addLocation = ({ warehouseId, code }: { warehouseId: string; code: string }) =>
  api.post<Location>(`/warehouses/${encodeURIComponent(warehouseId)}/locations`, { code });

export function useAddLocation() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: addLocation, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['warehouses'] }) });
}
