import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DeadLetter } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

/** Replay: the original message goes back to its topic, once. */
export const replayDeadLetter = (id: string) => api.post<DeadLetter>(`/dead-letters/${encodeURIComponent(id)}/replay`);

export function useReplayDeadLetter(id: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => replayDeadLetter(id), onSuccess: () => queryClient.invalidateQueries({ queryKey: ['dead-letters'] }) });
}
