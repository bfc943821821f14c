import type { DeadLetterStatus } from '@wo/contracts/rest';
import { useListParams } from '../../../components/ui/use-list-params';
import { isDeadLetterStatus } from '../status';

export type DeadLetterFilterName = 'topic' | 'status';

export interface DeadLetterFilters {
  readonly topic: string | undefined;
  readonly status: DeadLetterStatus | undefined;
  readonly page: number;
}

/** The Dead Letters list's filters and page, in the URL (`?topic=&status=&page=`). */
export function useDeadLetterFilters(): {
  filters: DeadLetterFilters;
  setFilter: (name: DeadLetterFilterName, value: string | null) => void;
  setPage: (page: number) => void;
} {
  const { value, page, setParam, setPage } = useListParams<DeadLetterFilterName>();
  const status = value('status');
  return { filters: { topic: value('topic') ?? undefined, status: isDeadLetterStatus(status) ? status : undefined, page }, setFilter: setParam, setPage };
}
