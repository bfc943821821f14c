import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PickingList, StartPickingListBody } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';
import { invalidatePicking } from './invalidate-picking';

export const startPickingList = (id: string, body: StartPickingListBody) => api.post<PickingList>(`/picking-lists/${encodeURIComponent(id)}/start`, body);

export function useStartPickingList(id: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (body: StartPickingListBody) => startPickingList(id, body), onSuccess: () => invalidatePicking(queryClient) });
}
