import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { bomQueryOptions } from './get-bom';

export const deleteBom = (id: string) => api.delete<null>(`/boms/${encodeURIComponent(id)}`);

export function useDeleteBom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteBom,
    onSuccess: async (_answer, id) => {
      // Dropped rather than invalidated: reading it again would only answer 404.
      queryClient.removeQueries({ queryKey: bomQueryOptions(id).queryKey, exact: true });
      await queryClient.invalidateQueries({ queryKey: ['boms'] });
    },
  });
}
