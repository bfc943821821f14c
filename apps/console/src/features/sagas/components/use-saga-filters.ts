import type { SagaState, SagaType } from '@wo/contracts/rest';
import { useListParams } from '../../../components/ui/use-list-params';
import { isSagaState, isSagaType } from '../status';

export type SagaFilterName = 'state' | 'type' | 'workOrderId';

export interface SagaFilters {
  readonly state: SagaState | undefined;
  readonly type: SagaType | undefined;
  readonly workOrderId: string;
  readonly page: number;
}

/** The Sagas list's filters and page, in the URL (`?state=&type=&workOrderId=&page=`); a value the list does not know reads as no filter. */
export function useSagaFilters(): { filters: SagaFilters; setFilter: (name: SagaFilterName, value: string | null) => void; setPage: (page: number) => void } {
  const { value, page, setParam, setPage } = useListParams<SagaFilterName>();
  const state = value('state');
  const type = value('type');
  return {
    filters: { state: isSagaState(state) ? state : undefined, type: isSagaType(type) ? type : undefined, workOrderId: value('workOrderId') ?? '', page },
    setFilter: setParam,
    setPage,
  };
}
