import { screen, within } from '@testing-library/react';
import type { InboundOrder } from '@wo/contracts/rest';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { InboundOrdersTable } from './inbound-orders-table';

const order = (id: string, overrides: Partial<InboundOrder>): InboundOrder => ({
  id,
  source: 'WORK_ORDER',
  workOrderId: `wo-${id}`,
  reference: `WO-WH1-${id}`,
  warehouseId: 'warehouse-1',
  merchantId: 'merchant-1',
  status: 'RECEIVED',
  lines: [{ sku: 'GIFT-SET', lot: null, expiresOn: null, expected: 2, received: 2, putAway: 0 }],
  putaways: [],
  createdAt: '2026-12-01T08:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  ...overrides,
});
const refused = {
  sku: 'GIFT-SET',
  lot: null,
  locationCode: 'FG-01',
  quantity: 2,
  at: '2026-12-01T09:00:00.000Z',
  refused: { at: '2026-12-01T09:00:01.000Z', field: 'quantity', reason: 'full' },
};

describe('InboundOrdersTable', () => {
  it('marks an order whose refused putaway still waits to be put away elsewhere, and not once it is', () => {
    renderWithProviders(
      <InboundOrdersTable
        orders={[
          order('00001', { putaways: [refused] }),
          order('00002', {
            status: 'PUT_AWAY',
            lines: [{ sku: 'GIFT-SET', lot: null, expiresOn: null, expected: 2, received: 2, putAway: 2 }],
            putaways: [refused],
          }),
        ]}
      />,
    );
    const [waiting, done] = screen.getAllByRole('row').slice(1);
    expect(within(waiting!).getByText('Putaway refused')).toBeInTheDocument();
    expect(within(done!).queryByText('Putaway refused')).toBeNull();
  });
});
