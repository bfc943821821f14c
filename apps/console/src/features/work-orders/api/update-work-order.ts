import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateWorkOrderBody, WorkOrderDetail } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';
import { workOrderQueryOptions } from './get-work-order';

export const updateWorkOrder = ({ id, body }: { id: string; body: UpdateWorkOrderBody }) =>
  api.patch<WorkOrderDetail>(`/work-orders/${encodeURIComponent(id)}`, body);

/** Changes a Draft or Out of Stock order (an Out of Stock one is confirmed again by the API). */
export function useUpdateWorkOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateWorkOrder,
    onSuccess: async (order) => {
      queryClient.setQueryData(workOrderQueryOptions(order.id).queryKey, order);
      await queryClient.invalidateQueries({ queryKey: ['work-orders'] });
    },
  });
}
