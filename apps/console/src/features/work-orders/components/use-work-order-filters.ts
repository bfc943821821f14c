import { workOrderPriorities, workOrderSorts, workOrderStatuses, type WorkOrderPriority, type WorkOrderSort, type WorkOrderStatus } from '@wo/contracts/rest';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The Work Orders list's filters, sort and page, as the URL holds them
 * (`?status=DRAFT&status=ALLOCATED&merchantId=..&q=..&inputSku=..&outputSku=..&page=2&sort=createdAt`),
 * so a filtered view can be bookmarked, shared and survives a reload.
 */
export interface WorkOrderFilters {
  readonly status: readonly WorkOrderStatus[];
  readonly merchantId: readonly string[];
  /** Each matches the work order number or name. */
  readonly q: readonly string[];
  readonly inputSku: readonly string[];
  readonly outputSku: readonly string[];
  readonly priority: readonly WorkOrderPriority[];
  readonly sort: WorkOrderSort;
  readonly page: number;
}

/** The filters an operator sets (each takes several values); sort and page are not filters. */
export type WorkOrderFilterName = 'status' | 'merchantId' | 'q' | 'inputSku' | 'outputSku' | 'priority';
export const workOrderFilterNames: readonly WorkOrderFilterName[] = ['status', 'merchantId', 'q', 'inputSku', 'outputSku', 'priority'];

export const defaultWorkOrderSort: WorkOrderSort = '-createdAt';

export const emptyWorkOrderFilters: WorkOrderFilters = {
  status: [],
  merchantId: [],
  q: [],
  inputSku: [],
  outputSku: [],
  priority: [],
  sort: defaultWorkOrderSort,
  page: 1,
};

/** Reads the URL leniently: unknown statuses, sorts and pages fall back instead of failing. */
export function parseWorkOrderFilters(params: URLSearchParams): WorkOrderFilters {
  const sort = params.get('sort');
  const page = Number(params.get('page'));
  return {
    status: values(params, 'status').filter(isStatus),
    merchantId: values(params, 'merchantId'),
    q: values(params, 'q'),
    inputSku: values(params, 'inputSku'),
    outputSku: values(params, 'outputSku'),
    priority: values(params, 'priority').filter(isPriority),
    sort: isSort(sort) ? sort : defaultWorkOrderSort,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** Writes only what differs from the defaults, so the plain list has a plain URL. */
export function serializeWorkOrderFilters(filters: WorkOrderFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of workOrderFilterNames) for (const value of unique(filters[name])) params.append(name, value);
  if (filters.sort !== defaultWorkOrderSort) params.set('sort', filters.sort);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

export function hasActiveFilters(filters: WorkOrderFilters): boolean {
  return workOrderFilterNames.some((name) => filters[name].length > 0);
}

/** A filter changed: the old page number means nothing for the new result, so back to page 1. */
export function withFilter<N extends WorkOrderFilterName>(filters: WorkOrderFilters, name: N, value: WorkOrderFilters[N]): WorkOrderFilters {
  return { ...filters, [name]: value, page: 1 };
}

export function withoutFilters(filters: WorkOrderFilters): WorkOrderFilters {
  return { ...emptyWorkOrderFilters, sort: filters.sort };
}

export function useWorkOrderFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseWorkOrderFilters(searchParams), [searchParams]);

  // Filter edits replace the history entry (typing tags would flood Back); paging pushes one.
  const write = useCallback((next: WorkOrderFilters, replace: boolean) => setSearchParams(serializeWorkOrderFilters(next), { replace }), [setSearchParams]);

  const setFilter = useCallback(
    <N extends WorkOrderFilterName>(name: N, value: WorkOrderFilters[N]) => write(withFilter(filters, name, value), true),
    [filters, write],
  );
  const setSort = useCallback((sort: WorkOrderSort) => write({ ...filters, sort, page: 1 }, true), [filters, write]);
  const setPage = useCallback((page: number) => write({ ...filters, page }, false), [filters, write]);
  const clearFilters = useCallback(() => write(withoutFilters(filters), true), [filters, write]);

  return { filters, isFiltered: hasActiveFilters(filters), setFilter, setSort, setPage, clearFilters };
}

function values(params: URLSearchParams, name: string): string[] {
  return unique(params.getAll(name).map((value) => value.trim()));
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list.filter((value) => value !== ''))];
}

function isStatus(value: string): value is WorkOrderStatus {
  return (workOrderStatuses as readonly string[]).includes(value);
}

function isPriority(value: string): value is WorkOrderPriority {
  return (workOrderPriorities as readonly string[]).includes(value);
}

function isSort(value: string | null): value is WorkOrderSort {
  return value !== null && (workOrderSorts as readonly string[]).includes(value);
}
