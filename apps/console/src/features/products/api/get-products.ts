import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Product } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

export interface ProductSearch {
  readonly merchantId?: string;
  /** A SKU prefix or part of a name, matched literally, any case. */
  readonly q?: string;
  readonly limit?: number;
}

export const getProducts = (search: ProductSearch = {}) => api.get<Product[]>('/products', { ...search });

export const productsQueryOptions = (search: ProductSearch = {}) =>
  queryOptions({ queryKey: ['products', search], queryFn: () => getProducts(search), placeholderData: keepPreviousData });

export const useProducts = (search: ProductSearch = {}, enabled = true) => useQuery({ ...productsQueryOptions(search), enabled });
