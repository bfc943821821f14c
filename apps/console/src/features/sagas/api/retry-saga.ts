import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Saga } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

/** Retry: the saga's pending commands are sent again now, with a fresh deadline. */
export const retrySaga = (id: string) => api.post<Saga>(`/sagas/${encodeURIComponent(id)}/retry`);

export function useRetrySaga(id: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => retrySaga(id), onSuccess: () => queryClient.invalidateQueries({ queryKey: ['sagas'] }) });
}
