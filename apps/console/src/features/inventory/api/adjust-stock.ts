import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdjustmentBody, StockAdjustment } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

export const adjustStock = (body: AdjustmentBody) => api.post<StockAdjustment>('/inventory/adjustments', body);

/** A restock or correction; stock and ledger change, and Out of Stock work orders may now be retried. */
export function useAdjustStock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: adjustStock,
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['inventory'] }), queryClient.invalidateQueries({ queryKey: ['work-orders'] })]);
    },
  });
}
