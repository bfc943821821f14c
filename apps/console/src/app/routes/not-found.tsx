import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/states';

export function NotFoundRoute() {
  return (
    <EmptyState
      title="There is no such page"
      action={
        <Button component={Link} to="/work-orders">
          Go to Work Orders
        </Button>
      }
    >
      The link may be old, or mistyped.
    </EmptyState>
  );
}
