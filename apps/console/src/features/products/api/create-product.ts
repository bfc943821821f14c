import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Product, ProductBody } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

export const createProduct = (body: ProductBody) => api.post<Product>('/products', body);

export function useCreateProduct() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createProduct, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['products'] }) });
}
