import { Stack } from '@mantine/core';
import type { LotTraceQuery } from '@wo/contracts/rest';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { ErrorState, LoadingState } from '../../components/ui/states';
import { useLotTrace } from '../../features/lots/api/get-lot-trace';
import { LotTraceForm, type LotTraceAsk } from '../../features/lots/components/lot-trace-form';
import { LotTraceResult } from '../../features/lots/components/lot-trace-result';
import { ApiError } from '../../lib/api-client';

/**
 * Lot Trace: which component lots went into a finished lot (down), or which finished lots a
 * component lot went into and where they are now (up). The question lives in the URL
 * (`?merchantId=&sku=&lot=&direction=`), so lots elsewhere in the console link straight to it.
 */
export function LotTraceRoute() {
  const [params, setParams] = useSearchParams();
  const direction = params.get('direction') === 'up' ? 'up' : 'down';
  const merchantId = params.get('merchantId') ?? '';
  const sku = params.get('sku') ?? '';
  const lot = params.get('lot') ?? '';
  const query: LotTraceQuery | null = merchantId && sku && lot ? { merchantId, sku, lot, direction } : null;
  const trace = useLotTrace(query);

  const ask = (next: LotTraceAsk) => setParams(new URLSearchParams({ ...next }));

  return (
    <>
      <PageHeader title="Lot Trace" description="Which lots went into a finished lot, and where a component lot went" />
      <Stack gap="md">
        {/* A new key per question: following a lot's link fills the form with it. */}
        <LotTraceForm key={params.toString()} initial={{ merchantId: merchantId || undefined, sku, lot, direction }} onTrace={ask} />
        {query === null ? null : trace.isLoading ? (
          <LoadingState label="Tracing…" />
        ) : trace.isError ? (
          <ErrorState
            error={trace.error}
            title={trace.error instanceof ApiError && trace.error.status === 404 ? 'Lot not found' : 'The trace could not be loaded'}
            onRetry={trace.error instanceof ApiError && trace.error.status === 404 ? undefined : () => void trace.refetch()}
          />
        ) : trace.data ? (
          <LotTraceResult trace={trace.data} />
        ) : null}
      </Stack>
    </>
  );
}
