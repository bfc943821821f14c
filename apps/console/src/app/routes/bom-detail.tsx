import { Anchor } from '@mantine/core';
import { Link, useLocation, useParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { ErrorState, LoadingState } from '../../components/ui/states';
import { useBom } from '../../features/boms/api/get-bom';
import { BomForm } from '../../features/boms/components/bom-form';

/** /boms/new and /boms/:id: one recipe's form. */
export function BomDetailRoute() {
  const { id } = useParams();
  const location = useLocation();
  const bom = useBom(id);
  const back = (
    <Anchor component={Link} to="/boms" size="sm">
      Back to BOMs
    </Anchor>
  );
  if (!id) {
    return (
      <>
        <PageHeader title="New BOM" description="What one set produces and what it consumes." actions={back} />
        <BomForm />
      </>
    );
  }
  if (bom.isPending) return <LoadingState label="Loading the BOM…" />;
  if (bom.isError) {
    return (
      <>
        <PageHeader title="BOM" actions={back} />
        <ErrorState error={bom.error} onRetry={() => void bom.refetch()} title="The BOM could not be loaded" />
      </>
    );
  }
  // Set by the form when it has just created this BOM, so the page says it was saved.
  const saved = (location.state as { saved?: boolean } | null)?.saved === true;
  return (
    <>
      <PageHeader title={bom.data.name} description="A BOM recipe: what one set produces and what it consumes." actions={back} />
      <BomForm key={bom.data.id} bom={bom.data} saved={saved} />
    </>
  );
}
