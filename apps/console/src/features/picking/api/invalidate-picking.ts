import type { QueryClient } from '@tanstack/react-query';

/** A list made, started, done or canceled changes the requests, the lists and its work orders' status. */
export function invalidatePicking(queryClient: QueryClient): Promise<unknown> {
  return Promise.all(['picking-requests', 'picking-lists', 'work-orders'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
}
