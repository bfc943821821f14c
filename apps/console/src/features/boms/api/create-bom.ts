import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Bom, BomBody } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';
import { bomQueryOptions } from './get-bom';

export const createBom = (body: BomBody) => api.post<Bom>('/boms', body);

export function useCreateBom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBom,
    onSuccess: async (bom) => {
      await queryClient.invalidateQueries({ queryKey: ['boms'] });
      queryClient.setQueryData(bomQueryOptions(bom.id).queryKey, bom);
    },
  });
}
