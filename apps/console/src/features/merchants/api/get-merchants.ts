import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Merchant } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

export const getMerchants = () => api.get<Merchant[]>('/merchants');

export const merchantsQueryOptions = () => queryOptions({ queryKey: ['merchants'], queryFn: getMerchants, staleTime: 60_000 });

export const useMerchants = () => useQuery(merchantsQueryOptions());

/**
 * Single-merchant mode, as the guide describes it: when the system serves one merchant, the
 * Merchant field is filled in and the Merchant filter and column are hidden.
 */
export function useMerchantMode(): { merchants: Merchant[]; single: Merchant | null; byId: Map<string, Merchant>; isLoading: boolean } {
  const merchants = useMerchants();
  const list = merchants.data ?? [];
  return {
    merchants: list,
    single: list.length === 1 ? list[0]! : null,
    byId: new Map(list.map((merchant) => [merchant.id, merchant])),
    isLoading: merchants.isLoading,
  };
}
