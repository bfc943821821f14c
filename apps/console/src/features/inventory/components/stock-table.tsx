import { ActionIcon, Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import type { StockRow } from '@wo/contracts/rest';
import { Fragment, useState } from 'react';
import { formatDate } from '../../../components/ui/format';
import { LotLink } from '../../lots/components/lot-link';
import { expiredLotCount, isLotTracked, lotsOf, productKey } from '../stock';

interface StockTableProps {
  readonly rows: readonly StockRow[];
  readonly productNames: ReadonlyMap<string, string>;
  /** Hidden in single-merchant mode. */
  readonly merchantName?: (merchantId: string) => string;
  /** Adjust the row's SKU, at a location, and for a lot-tracked SKU one of its lots. */
  readonly onAdjust: (row: StockRow, locationCode?: string, lot?: string) => void;
}

/** Stock per SKU in the current warehouse; a row opens into its per-location breakdown, by lot for a lot-tracked SKU. */
export function StockTable({ rows, productNames, merchantName, onAdjust }: StockTableProps) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const columns = merchantName ? 8 : 7;

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <VisuallyHidden>Locations</VisuallyHidden>
            </Table.Th>
            <Table.Th>SKU</Table.Th>
            <Table.Th>Product</Table.Th>
            {merchantName ? <Table.Th>Merchant</Table.Th> : null}
            <Table.Th ta="right">On Hand</Table.Th>
            <Table.Th ta="right">Reserved</Table.Th>
            <Table.Th ta="right">Available</Table.Th>
            <Table.Th w={90}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const key = productKey(row.merchantId, row.sku);
            const expanded = open.has(key);
            return (
              <Fragment key={key}>
                <Table.Tr>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      onClick={() => toggle(key)}
                      aria-expanded={expanded}
                      aria-label={`${expanded ? 'Hide' : 'Show'} locations of ${row.sku}`}
                    >
                      {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" fw={500}>
                      {row.sku}
                    </Text>
                    <LotBadges row={row} />
                    <Text size="xs" c="dimmed">
                      {row.locations.length === 1 ? row.locations[0]!.locationCode : `${row.locations.length} locations`}
                    </Text>
                  </Table.Td>
                  <Table.Td>{productNames.get(key) ?? '—'}</Table.Td>
                  {merchantName ? <Table.Td>{merchantName(row.merchantId)}</Table.Td> : null}
                  <Table.Td ta="right">{row.onHand}</Table.Td>
                  <Table.Td ta="right">{row.reserved}</Table.Td>
                  <Table.Td ta="right">
                    <AvailableQuantity value={row.available} />
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="light" onClick={() => onAdjust(row)}>
                      Adjust
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {expanded ? (
                  <Table.Tr>
                    <Table.Td />
                    <Table.Td colSpan={columns - 1} bg="var(--mantine-color-gray-0)">
                      <LocationBreakdown row={row} onAdjust={onAdjust} />
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** "Lot-tracked", and how many of its lots have expired: stock that is on hand but can never be reserved. */
function LotBadges({ row }: { row: StockRow }) {
  if (!isLotTracked(row)) return null;
  const expired = expiredLotCount(row);
  // Under the SKU, not beside it: a narrow column would cut the words short.
  return (
    <Group gap={4} my={2}>
      <Badge size="xs" variant="light" color="violet" style={{ minWidth: 'max-content' }}>
        Lot-tracked
      </Badge>
      {expired > 0 ? (
        <Badge size="xs" variant="filled" color="red" style={{ minWidth: 'max-content' }}>
          {expired === 1 ? '1 lot expired' : `${expired} lots expired`}
        </Badge>
      ) : null}
    </Group>
  );
}

function LocationBreakdown({ row, onAdjust }: { row: StockRow; onAdjust: StockTableProps['onAdjust'] }) {
  if (isLotTracked(row)) return <LotBreakdown row={row} onAdjust={onAdjust} />;
  return (
    <Table aria-label={`Locations of ${row.sku}`} withRowBorders={false} verticalSpacing={4} maw={560}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Location</Table.Th>
          <Table.Th ta="right">On Hand</Table.Th>
          <Table.Th ta="right">Reserved</Table.Th>
          <Table.Th ta="right">Available</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {row.locations.map((location) => (
          <Table.Tr key={location.locationCode}>
            <Table.Td ff="monospace">{location.locationCode}</Table.Td>
            <Table.Td ta="right">{location.onHand}</Table.Td>
            <Table.Td ta="right">{location.reserved}</Table.Td>
            <Table.Td ta="right">
              <AvailableQuantity value={location.available} />
            </Table.Td>
            <Table.Td>
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => onAdjust(row, location.locationCode)}
                aria-label={`Adjust ${row.sku} at ${location.locationCode}`}
              >
                Adjust
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Nothing left to promise stands out: work orders needing it will go Out of Stock. */
function AvailableQuantity({ value }: { value: number }) {
  if (value > 0) return <>{value}</>;
  return (
    <Text span size="sm" c="red" fw={700}>
      {value}
    </Text>
  );
}

/** A lot-tracked SKU: each location's lots, earliest expiry first; an expired lot is marked and counts as not available. */
function LotBreakdown({ row, onAdjust }: { row: StockRow; onAdjust: StockTableProps['onAdjust'] }) {
  return (
    <Table aria-label={`Locations of ${row.sku}`} withRowBorders={false} verticalSpacing={4} maw={820}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Location</Table.Th>
          <Table.Th>Lot</Table.Th>
          <Table.Th>Expires On</Table.Th>
          <Table.Th ta="right">On Hand</Table.Th>
          <Table.Th ta="right">Reserved</Table.Th>
          <Table.Th ta="right">Available</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {row.locations.flatMap((location) => {
          const lots = lotsOf(location);
          if (lots.length === 0)
            return [
              <Table.Tr key={location.locationCode}>
                <Table.Td ff="monospace">{location.locationCode}</Table.Td>
                <Table.Td c="dimmed">—</Table.Td>
                <Table.Td c="dimmed">—</Table.Td>
                <Table.Td ta="right">{location.onHand}</Table.Td>
                <Table.Td ta="right">{location.reserved}</Table.Td>
                <Table.Td ta="right">
                  <AvailableQuantity value={location.available} />
                </Table.Td>
                <Table.Td />
              </Table.Tr>,
            ];
          return lots.map((lot) => (
            <Table.Tr key={`${location.locationCode}|${lot.lot}`} bg={lot.expired ? 'var(--mantine-color-red-0)' : undefined}>
              <Table.Td ff="monospace">{location.locationCode}</Table.Td>
              <Table.Td>
                <LotLink merchantId={row.merchantId} sku={row.sku} lot={lot.lot} direction="up" />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Group gap={6} wrap="nowrap">
                  <span>{formatDate(lot.expiresOn)}</span>
                  {lot.expired ? (
                    <Badge size="xs" color="red" variant="filled">
                      Expired
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td ta="right">{lot.onHand}</Table.Td>
              <Table.Td ta="right">{lot.reserved}</Table.Td>
              <Table.Td ta="right">
                <AvailableQuantity value={lot.available} />
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => onAdjust(row, location.locationCode, lot.lot)}
                  aria-label={`Adjust ${row.sku} lot ${lot.lot} at ${location.locationCode}`}
                >
                  Adjust
                </Button>
              </Table.Td>
            </Table.Tr>
          ));
        })}
      </Table.Tbody>
    </Table>
  );
}
