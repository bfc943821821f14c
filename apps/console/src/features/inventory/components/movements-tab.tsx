import { Autocomplete, Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { DayAndTime } from '../../../components/ui/day-and-time';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { LotLink } from '../../lots/components/lot-link';
import { useProducts } from '../../products/api/get-products';
import { formatSignedQuantity } from '../adjustment';
import { useMovements } from '../api/get-movements';
import { describeMovement, movementKindColors, movementKindLabels, newestFirst } from '../movements';

/** The "Movements" tab: the ledger of every change of onHand in the warehouse, newest first. */
export function MovementsTab({ warehouseId, locations }: { warehouseId: string; locations: readonly string[] }) {
  const [skuText, setSkuText] = useState('');
  const [locationCode, setLocationCode] = useState<string | null>(null);
  const [lotText, setLotText] = useState('');
  const [sku] = useDebouncedValue(skuText.trim(), 300);
  const [lot] = useDebouncedValue(lotText.trim(), 300);
  // The ledger filters by an exact SKU; suggestions help type one.
  const suggestions = useProducts({ q: sku || undefined, limit: 20 });
  const movements = useMovements({ warehouseId, sku: sku || undefined, locationCode: locationCode ?? undefined, lot: lot || undefined });
  const rows = useMemo(() => newestFirst(movements.data ?? []), [movements.data]);
  const filtered = Boolean(sku || locationCode || lot);

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Autocomplete
          label="SKU"
          placeholder="Exact SKU"
          data={[...new Set((suggestions.data ?? []).map((product) => product.sku))]}
          value={skuText}
          onChange={setSkuText}
          clearable
          w={240}
        />
        <Select
          label="Location"
          placeholder="All locations"
          data={[...locations]}
          value={locationCode}
          onChange={setLocationCode}
          clearable
          searchable
          w={180}
        />
        <TextInput label="Lot" placeholder="Exact lot" value={lotText} onChange={(event) => setLotText(event.currentTarget.value)} w={200} />
        {filtered ? (
          <Button
            variant="subtle"
            onClick={() => {
              setSkuText('');
              setLocationCode(null);
              setLotText('');
            }}
          >
            Clear filters
          </Button>
        ) : null}
      </Group>
      {movements.isLoading ? (
        <LoadingState label="Loading movements…" />
      ) : movements.isError ? (
        <ErrorState error={movements.error} onRetry={() => void movements.refetch()} title="Movements could not be loaded" />
      ) : rows.length === 0 ? (
        <EmptyState title={filtered ? 'No movements match these filters' : 'No movements yet'}>
          {filtered
            ? 'Try another SKU, location or lot, or clear the filters.'
            : 'Restocks, corrections, consumption by completed work orders and putaways will be listed here.'}
        </EmptyState>
      ) : (
        <>
          {rows.length >= 1_000 ? (
            <Text size="sm" c="dimmed">
              The ledger shows at most 1,000 movements; filter by SKU, location or lot to narrow it.
            </Text>
          ) : null}
          <Table.ScrollContainer minWidth={760} scrollAreaProps={{ type: 'auto' }}>
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>SKU</Table.Th>
                  <Table.Th>Location</Table.Th>
                  <Table.Th>Lot</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th ta="right">Quantity</Table.Th>
                  <Table.Th>Reason / Reference</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((movement) => (
                  <Table.Tr key={movement.id}>
                    <Table.Td>
                      <DayAndTime value={movement.createdAt} />
                    </Table.Td>
                    <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {movement.sku}
                    </Table.Td>
                    <Table.Td ff="monospace">{movement.locationCode}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {movement.lot ? <LotLink merchantId={movement.merchantId} sku={movement.sku} lot={movement.lot} direction="up" /> : '—'}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={movementKindColors[movement.kind]} style={{ minWidth: 'max-content' }}>
                        {movementKindLabels[movement.kind]}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right" c={movement.quantity < 0 ? 'red.8' : 'green.8'} fw={600}>
                      {formatSignedQuantity(movement.quantity)}
                    </Table.Td>
                    <Table.Td>{describeMovement(movement)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
