import type { QueryClient } from '@tanstack/react-query';

/** A receipt or putaway changes the inbound order, its work order's view of it, and (putaway) stock on hand. */
export function invalidateInbound(queryClient: QueryClient): Promise<unknown> {
  return Promise.all(['inbound-orders', 'work-orders', 'inventory'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
}
