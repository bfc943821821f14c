import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Bom } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

export const getBoms = (merchantId?: string) => api.get<Bom[]>('/boms', { merchantId });

export const bomsQueryOptions = (merchantId?: string) =>
  queryOptions({ queryKey: ['boms', { merchantId: merchantId ?? null }], queryFn: () => getBoms(merchantId) });

export const useBoms = (merchantId?: string, enabled = true) => useQuery({ ...bomsQueryOptions(merchantId), enabled });
