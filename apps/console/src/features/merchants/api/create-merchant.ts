import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Merchant, MerchantBody } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

export const createMerchant = (body: MerchantBody) => api.post<Merchant>('/merchants', body);

export function useCreateMerchant() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createMerchant, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['merchants'] }) });
}
