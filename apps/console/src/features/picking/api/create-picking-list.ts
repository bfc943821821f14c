import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatePickingListBody, PickingList } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';
import { invalidatePicking } from './invalidate-picking';

/** Material Picking: one list for all the selected work orders. */
export const createPickingList = (body: CreatePickingListBody) => api.post<PickingList>('/picking-lists', body);

export function useCreatePickingList() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createPickingList, onSuccess: () => invalidatePicking(queryClient) });
}
