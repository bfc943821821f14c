import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WorkOrderAction, WorkOrderActionAccepted, WorkOrderDetail } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';
import { workOrderQueryOptions } from './get-work-order';

/** The actions that are a POST of their own (Edit is the form's PATCH). */
export type PostedWorkOrderAction = Exclude<WorkOrderAction, 'edit'>;

const actionPaths: Record<PostedWorkOrderAction, string> = {
  confirm: 'confirm',
  retryAllocation: 'retry-allocation',
  createPickingList: 'picking-lists',
  complete: 'complete',
  cancel: 'cancel',
};

/** `POST /work-orders/{id}/<action>`: 202 with the order as the action left it. */
export const postWorkOrderAction = (id: string, action: PostedWorkOrderAction) =>
  api.post<WorkOrderActionAccepted>(`/work-orders/${encodeURIComponent(id)}/${actionPaths[action]}`);

/**
 * Runs one of the detail page's actions. The 202's status and pendingAction go into the cached
 * order at once (so the page shows the step in progress and starts polling), then the lists and
 * picking screens that the action changes are read again.
 */
export function useWorkOrderAction(id: string) {
  const queryClient = useQueryClient();
  const detailKey = workOrderQueryOptions(id).queryKey;
  return useMutation({
    mutationFn: (action: PostedWorkOrderAction) => postWorkOrderAction(id, action),
    onSuccess: (accepted) => {
      queryClient.setQueryData<WorkOrderDetail>(detailKey, (order) =>
        order ? { ...order, status: accepted.status, pendingAction: accepted.pendingAction, updatedAt: accepted.updatedAt } : order,
      );
      return Promise.all(['work-orders', 'picking-requests', 'picking-lists'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    },
    // A 409 means the order moved on under us: read it again so the buttons match it.
    onError: () => queryClient.invalidateQueries({ queryKey: detailKey }),
  });
}
