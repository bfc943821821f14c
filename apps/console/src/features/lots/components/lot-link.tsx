import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { lotTracePath, type TraceDirection } from '../lots';

/** A lot code that opens its trace: a component lot "up" (where it went), a finished lot "down" (what went into it). */
export function LotLink({ merchantId, sku, lot, direction }: { merchantId: string; sku: string; lot: string; direction: TraceDirection }) {
  return (
    <Anchor
      component={Link}
      to={lotTracePath({ merchantId, sku, lot, direction })}
      size="sm"
      ff="monospace"
      title={direction === 'up' ? 'Lot Trace: where it went' : 'Lot Trace: what went into it'}
    >
      {lot}
    </Anchor>
  );
}
