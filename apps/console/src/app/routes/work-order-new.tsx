import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { WorkOrderForm } from '../../features/work-orders/components/work-order-form';

/** Guide Scenario 1: a new work order, created in Draft in the current warehouse. */
export function WorkOrderNewRoute() {
  return (
    <>
      <PageHeader
        title="New work order"
        description="Assemble, disassemble or process products: what it produces and what it consumes. It starts in Draft."
        actions={
          <Anchor component={Link} to="/work-orders" size="sm">
            Back to Work Orders
          </Anchor>
        }
      />
      <WorkOrderForm />
    </>
  );
}
