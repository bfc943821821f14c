import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Bom, BomBody } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';
import { bomQueryOptions } from './get-bom';

/** PUT: the whole recipe again. Work orders made from it keep their own copy. */
export const updateBom = ({ id, body }: { id: string; body: BomBody }) => api.put<Bom>(`/boms/${encodeURIComponent(id)}`, body);

export function useUpdateBom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateBom,
    onSuccess: async (bom) => {
      queryClient.setQueryData(bomQueryOptions(bom.id).queryKey, bom);
      await queryClient.invalidateQueries({ queryKey: ['boms'] });
    },
  });
}
