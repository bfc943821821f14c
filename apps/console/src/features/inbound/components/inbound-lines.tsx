import { Progress, Stack, Table, Text } from '@mantine/core';
import type { InboundLine } from '@wo/contracts/rest';
import { formatDate } from '../../../components/ui/format';
import { LotLink } from '../../lots/components/lot-link';

/** Per SKU: its lot (opening the lot's trace down), expected, received and put away, with a bar for each step. */
export function InboundLines({ merchantId, lines }: { merchantId: string; lines: readonly InboundLine[] }) {
  const withLots = lines.some((line) => line.lot);
  return (
    <Table.ScrollContainer minWidth={withLots ? 780 : 620}>
      <Table verticalSpacing="sm" aria-label="Inbound order lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>SKU</Table.Th>
            {withLots ? <Table.Th>Lot</Table.Th> : null}
            {withLots ? <Table.Th style={{ whiteSpace: 'nowrap' }}>Expires On</Table.Th> : null}
            <Table.Th ta="right">Expected</Table.Th>
            <Table.Th ta="right">Received</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              Put Away
            </Table.Th>
            <Table.Th w={withLots ? '26%' : '34%'}>Progress</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.sku}>
              <Table.Td ff="monospace" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {line.sku}
              </Table.Td>
              {withLots ? (
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {line.lot ? <LotLink merchantId={merchantId} sku={line.sku} lot={line.lot} direction="down" /> : '—'}
                </Table.Td>
              ) : null}
              {withLots ? <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(line.expiresOn)}</Table.Td> : null}
              <Table.Td ta="right">{line.expected}</Table.Td>
              <Table.Td ta="right">{line.received}</Table.Td>
              <Table.Td ta="right">{line.putAway}</Table.Td>
              <Table.Td>
                <Stack gap={6}>
                  <Step label="Received" value={line.received} of={line.expected} sku={line.sku} color="blue" />
                  <Step label="Put away" value={line.putAway} of={line.expected} sku={line.sku} color="green" />
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Step({ label, value, of, sku, color }: { label: string; value: number; of: number; sku: string; color: string }) {
  const percent = of === 0 ? 0 : Math.round((value / of) * 100);
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label} {value} of {of}
      </Text>
      <Progress value={percent} color={color} size="sm" aria-label={`${label} ${sku}: ${value} of ${of}`} />
    </div>
  );
}
