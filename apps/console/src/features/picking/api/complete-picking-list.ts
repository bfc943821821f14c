import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PickingList } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';
import { invalidatePicking } from './invalidate-picking';

/** Mark Done: every line counts as picked in full. */
export const completePickingList = (id: string) => api.post<PickingList>(`/picking-lists/${encodeURIComponent(id)}/complete`);

export function useCompletePickingList(id: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => completePickingList(id), onSuccess: () => invalidatePicking(queryClient) });
}
