import { Group, Pagination } from '@mantine/core';

const controlLabels = { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' } as const;

/** The pager under a list, when it has more than one page; each control named for screen readers. */
export function ListPagination({ total, pageSize, page, onChange }: { total: number; pageSize: number; page: number; onChange: (page: number) => void }) {
  if (total <= pageSize) return null;
  return (
    <Group justify="flex-end" mt="md">
      <Pagination
        total={Math.ceil(total / pageSize)}
        value={page}
        onChange={(next) => {
          onChange(next);
          // The next page starts at its top, not where the pager sits.
          window.scrollTo({ top: 0 });
        }}
        getControlProps={(control) => ({ 'aria-label': controlLabels[control] })}
        getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
      />
    </Group>
  );
}
