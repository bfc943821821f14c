import { Select } from '@mantine/core';
import { useSearchParams } from 'react-router';

/**
 * A list's "Status" filter kept in the URL (`?status=`), so a filtered view can be shared and
 * survives a reload; a value the list does not know reads as no filter.
 */
export function useStatusParam<S extends string>(isStatus: (value: string | null) => value is S): [S | undefined, (status: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const set = (status: string | null) => setParams(status ? { status } : {}, { replace: true });
  return [isStatus(raw) ? raw : undefined, set];
}

export function StatusFilter({
  options,
  value,
  onChange,
}: {
  options: { value: string; label: string }[];
  value: string | undefined;
  onChange: (status: string | null) => void;
}) {
  return <Select label="Status" placeholder="All statuses" data={options} value={value ?? null} clearable w={220} onChange={onChange} />;
}
