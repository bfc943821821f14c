import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PickingList } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';
import { invalidatePicking } from './invalidate-picking';

/** Cancel: the list's materials go back to Material Picking as open requests. */
export const cancelPickingList = (id: string) => api.post<PickingList>(`/picking-lists/${encodeURIComponent(id)}/cancel`);

export function useCancelPickingList(id: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => cancelPickingList(id), onSuccess: () => invalidatePicking(queryClient) });
}
