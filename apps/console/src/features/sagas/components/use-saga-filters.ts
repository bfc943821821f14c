import type { SagaState, SagaType } from '@wo/contracts/rest';
import { useListParams } from '../../../components/ui/use-list-params';
import { isSagaState, isSagaType } from '../status';

export type SagaFilterName = 'state' | 'type' | 'workOrderId' | 'startedFrom' | 'startedTo';

export interface SagaFilters {
  readonly state: SagaState | undefined;
  readonly type: SagaType | undefined;
  readonly workOrderId: string;
  /** Started on or after this day, and on or before that one (`YYYY-MM-DD`, the browser's days). */
  readonly startedFrom: string | undefined;
  readonly startedTo: string | undefined;
  readonly page: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The first and the last moment of a day in the browser's time zone, as the API's ISO bounds. */
export function dayBounds(filters: Pick<SagaFilters, 'startedFrom' | 'startedTo'>): { startedFrom?: string; startedTo?: string } {
  const moment = (day: string | undefined, time: string) => (day ? new Date(`${day}T${time}`).toISOString() : undefined);
  const startedFrom = moment(filters.startedFrom, '00:00:00.000');
  const startedTo = moment(filters.startedTo, '23:59:59.999');
  return { ...(startedFrom && { startedFrom }), ...(startedTo && { startedTo }) };
}

/** The Sagas list's filters and page, in the URL (`?state=&type=&workOrderId=&startedFrom=&startedTo=&page=`); a value the list does not know reads as no filter. */
export function useSagaFilters(): { filters: SagaFilters; setFilter: (name: SagaFilterName, value: string | null) => void; setPage: (page: number) => void } {
  const { value, page, setParam, setPage } = useListParams<SagaFilterName>();
  const state = value('state');
  const type = value('type');
  const day = (name: 'startedFrom' | 'startedTo') => {
    const found = value(name);
    return found && DAY.test(found) && !Number.isNaN(Date.parse(found)) ? found : undefined;
  };
  return {
    filters: {
      state: isSagaState(state) ? state : undefined,
      type: isSagaType(type) ? type : undefined,
      workOrderId: value('workOrderId') ?? '',
      startedFrom: day('startedFrom'),
      startedTo: day('startedTo'),
      page,
    },
    setFilter: setParam,
    setPage,
  };
}
