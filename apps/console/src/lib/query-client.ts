import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

/** Reads are cached briefly and refetched when the window regains focus; 4xx answers are not retried. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}
