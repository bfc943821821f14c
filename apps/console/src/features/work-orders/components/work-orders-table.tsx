import { Anchor, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import type { WorkOrderListItem, WorkOrderSort } from '@wo/contracts/rest';
import { Link } from 'react-router';
import { DayAndTime } from '../../../components/ui/day-and-time';
import { formatDate } from '../../../components/ui/format';
import { useMerchantMode } from '../../merchants/api/get-merchants';
import { WorkOrderStatusBadge } from '../status';
import { priorityLabels } from './work-order-priority';

/**
 * The guide's columns of the Work Orders list (2.2): Status, Name (the number below it, a link
 * to the detail), Merchant (hidden when the system serves a single merchant), Priority, Scheduled
 * At and Created At, the last one sortable. It fits a tablet held upright (820 px, the menu
 * folded): Created At reads as the day over the time, and on a narrower screen the table scrolls
 * sideways with its scrollbar shown, not only on hover (a touch screen has none).
 */
export function WorkOrdersTable({
  items,
  sort,
  onSortChange,
}: {
  items: readonly WorkOrderListItem[];
  sort: WorkOrderSort;
  onSortChange: (sort: WorkOrderSort) => void;
}) {
  const { merchants, byId } = useMerchantMode();
  const showMerchant = merchants.length > 1;
  const newestFirst = sort === '-createdAt';

  return (
    <Table.ScrollContainer minWidth={showMerchant ? 720 : 600} scrollAreaProps={{ type: 'auto' }}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Status</Table.Th>
            <Table.Th>Name</Table.Th>
            {showMerchant ? <Table.Th>Merchant</Table.Th> : null}
            <Table.Th>Priority</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>Scheduled At</Table.Th>
            <Table.Th aria-sort={newestFirst ? 'descending' : 'ascending'}>
              <UnstyledButton
                onClick={() => onSortChange(newestFirst ? 'createdAt' : '-createdAt')}
                title={newestFirst ? 'Newest first; click for oldest first' : 'Oldest first; click for newest first'}
                fw={700}
                fz="sm"
              >
                <Group gap={4} wrap="nowrap">
                  Created At
                  {newestFirst ? <IconArrowDown size={14} aria-hidden /> : <IconArrowUp size={14} aria-hidden />}
                </Group>
              </UnstyledButton>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((order) => (
            <Table.Tr key={order.id}>
              {/* Badges shrink to an ellipsis in a narrow cell; room for two while a step is in flight. */}
              <Table.Td miw={order.pendingAction ? 265 : undefined}>
                <WorkOrderStatusBadge status={order.status} pendingAction={order.pendingAction} />
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/work-orders/${encodeURIComponent(order.id)}`} fw={500}>
                  {order.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {order.number}
                </Text>
              </Table.Td>
              {showMerchant ? <Table.Td>{byId.get(order.merchantId)?.name ?? order.merchantId}</Table.Td> : null}
              <Table.Td>{priorityLabels[order.priority]}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(order.scheduledAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <DayAndTime value={order.createdAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
