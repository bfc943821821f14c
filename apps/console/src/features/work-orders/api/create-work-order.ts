import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateWorkOrderBody, WorkOrderDetail } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';
import { workOrderQueryOptions } from './get-work-order';

export const createWorkOrder = (body: CreateWorkOrderBody) => api.post<WorkOrderDetail>('/work-orders', body);

/** Creates a Draft order; its detail is the answer, so the detail page opens without a second read. */
export function useCreateWorkOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWorkOrder,
    onSuccess: async (order) => {
      await queryClient.invalidateQueries({ queryKey: ['work-orders'] });
      queryClient.setQueryData(workOrderQueryOptions(order.id).queryKey, order);
    },
  });
}
