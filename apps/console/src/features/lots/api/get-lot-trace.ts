import { queryOptions, useQuery } from '@tanstack/react-query';
import type { LotTrace, LotTraceQuery } from '@wo/contracts/rest';
import { api } from '../../../lib/api-client';

/** `GET /traceability/lots`: from a finished lot down to its components, or from a component lot up to what it made. */
export const getLotTrace = (query: LotTraceQuery) => api.get<LotTrace>('/traceability/lots', { ...query });

export const lotTraceQueryOptions = (query: LotTraceQuery) => queryOptions({ queryKey: ['traceability', 'lots', query], queryFn: () => getLotTrace(query) });

export const useLotTrace = (query: LotTraceQuery | null) =>
  useQuery({ ...lotTraceQueryOptions(query ?? { merchantId: '', sku: '', lot: '' }), enabled: query !== null });
