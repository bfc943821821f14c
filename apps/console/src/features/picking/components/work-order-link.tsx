import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useWorkOrder } from '../../work-orders/api/get-work-order';

/**
 * A link to a work order known only by id (picking lists carry ids alone): shows its number once
 * the order is read, a short id until then. Shared reads are cached, so a table asks once per order.
 */
export function WorkOrderLink({ id, withName = false }: { id: string; withName?: boolean }) {
  const order = useWorkOrder(id);
  const label = order.data?.number ?? id.slice(0, 8);
  return (
    <span>
      <Anchor component={Link} to={`/work-orders/${id}`} size="sm">
        {label}
      </Anchor>
      {withName && order.data ? (
        <Text span size="sm" c="dimmed" ml={6}>
          {order.data.name}
        </Text>
      ) : null}
    </span>
  );
}
