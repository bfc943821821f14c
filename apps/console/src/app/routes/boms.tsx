import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { NavigateButton } from '../../components/ui/navigate-button';
import { PageHeader } from '../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/states';
import { useBoms } from '../../features/boms/api/get-boms';
import { BomsTable } from '../../features/boms/components/boms-table';
import { useMay } from '../../features/auth/permissions';

const NewBomButton = () =>
  useMay()('boms.change') && (
    <NavigateButton to="/boms/new" leftSection={<IconPlus size={16} aria-hidden />}>
      New BOM
    </NavigateButton>
  );

/** BOM recipes: the material combinations a work order can be filled from with "Apply BOM". */
export function BomsRoute() {
  const boms = useBoms();
  return (
    <>
      <PageHeader title="BOMs" description="Recipes: what one set of a finished product consumes and produces." actions={<NewBomButton />} />
      {boms.isPending ? (
        <LoadingState label="Loading BOMs…" />
      ) : boms.isError ? (
        <ErrorState error={boms.error} onRetry={() => void boms.refetch()} title="The BOMs could not be loaded" />
      ) : boms.data.length === 0 ? (
        <EmptyState title="No BOMs yet" action={<NewBomButton />}>
          A BOM is a recipe: the materials and quantities one set of a finished product needs. On a new work order, &quot;Apply BOM&quot; fills its outputs and
          materials from it times the sets, so every run uses the same ratios.
        </EmptyState>
      ) : (
        <BomsTable boms={boms.data} />
      )}
    </>
  );
}
