import { useSearchParams } from 'react-router';

/**
 * A list's filters and page kept in the URL (`?name=value&page=2`), so a filtered view can be
 * shared and survives a reload. Changing a filter goes back to the first page.
 */
export function useListParams<Name extends string>(): {
  value: (name: Name) => string | null;
  page: number;
  setParam: (name: Name, value: string | null) => void;
  setPage: (page: number) => void;
} {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page'));
  const update = (change: (next: URLSearchParams) => void) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        change(next);
        return next;
      },
      { replace: true },
    );
  return {
    value: (name) => params.get(name),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    setParam: (name, value) =>
      update((next) => {
        if (value) next.set(name, value);
        else next.delete(name);
        next.delete('page');
      }),
    setPage: (value) => update((next) => (value > 1 ? next.set('page', String(value)) : next.delete('page'))),
  };
}
