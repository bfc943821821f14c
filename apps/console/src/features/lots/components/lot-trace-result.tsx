import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { LotTrace, TracedWorkOrder } from '@wo/contracts/rest';
import { Link } from 'react-router';
import { Fact } from '../../../components/ui/fact';
import { formatDate, formatDateTime } from '../../../components/ui/format';
import { EmptyState } from '../../../components/ui/states';
import { useMayRead } from '../../auth/permissions';
import { inboundOrderLabel } from '../../inbound/status';
import { pickingListLabel } from '../../picking/status';
import { traceDirectionLabels } from '../lots';
import { LotLink } from './lot-link';

type BinQuantity = TracedWorkOrder['outputs'][number]['onHand'][number];

/** "FG-01 × 3, FG-02 × 1": where some of a lot sits or went. */
export function formatBins(bins: readonly BinQuantity[]): string {
  return bins.map((bin) => `${bin.locationCode} × ${bin.quantity}`).join(', ') || '—';
}

/**
 * The answer of a trace as a tree: the lot asked about, then each work order it leads to with its
 * documents (inbound order, picking lists), the component lots it consumed and the finished lots
 * it made. Every lot in it links to its own trace, the way a recall is followed.
 */
export function LotTraceResult({ trace }: { trace: LotTrace }) {
  const asked = (sku: string, lot: string | null) => sku === trace.sku && lot === trace.lot;
  return (
    <Stack gap="md" aria-label="Trace" role="region">
      <Group gap="sm" wrap="wrap">
        <Title order={3}>
          <Text span inherit ff="monospace">
            {trace.sku}
          </Text>{' '}
          lot{' '}
          <Text span inherit ff="monospace">
            {trace.lot}
          </Text>
        </Title>
        <Badge variant="light">{traceDirectionLabels[trace.direction]}</Badge>
        {trace.expiresOn ? <Text size="sm">Expires On {formatDate(trace.expiresOn)}</Text> : null}
      </Group>
      {trace.workOrders.length === 0 ? (
        <EmptyState title="Nothing to trace">
          {trace.direction === 'down'
            ? `No completed work order made lot ${trace.lot} of ${trace.sku}: it was received or restocked as it is.`
            : `No completed work order used lot ${trace.lot} of ${trace.sku}.`}
        </EmptyState>
      ) : (
        trace.workOrders.map((order) => <TracedWorkOrderCard key={order.workOrderId} order={order} merchantId={trace.merchantId} asked={asked} />)
      )}
    </Stack>
  );
}

function TracedWorkOrderCard({
  order,
  merchantId,
  asked,
}: {
  order: TracedWorkOrder;
  merchantId: string;
  asked: (sku: string, lot: string | null) => boolean;
}) {
  // Each link opens only for whoever may read what it opens; the id is still shown.
  const mayRead = useMayRead();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={`Work order ${order.number}`}>
      <Stack gap="sm">
        <Group gap="sm">
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            Work Order
          </Text>
          <Anchor component={Link} to={`/work-orders/${order.workOrderId}`} fw={700} ff="monospace">
            {order.number}
          </Anchor>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Fact label="Completed">{formatDateTime(order.completedAt)}</Fact>
          <Fact label="Inbound Order">
            {mayRead('getInboundOrder') ? (
              <Anchor component={Link} to={`/inbound-orders/${order.inboundOrderId}`} size="sm" ff="monospace">
                {inboundOrderLabel(order.inboundOrderId)}
              </Anchor>
            ) : (
              <Text span size="sm" ff="monospace">
                {inboundOrderLabel(order.inboundOrderId)}
              </Text>
            )}
          </Fact>
          <Fact label="Picking Lists">
            {order.pickingListIds.length === 0 ? (
              '—'
            ) : (
              <Group gap="xs" component="span">
                {order.pickingListIds.map((id) =>
                  mayRead('getPickingList') ? (
                    <Anchor key={id} component={Link} to={`/picking-lists/${id}`} size="sm" ff="monospace">
                      {pickingListLabel(id)}
                    </Anchor>
                  ) : (
                    <Text key={id} span size="sm" ff="monospace">
                      {pickingListLabel(id)}
                    </Text>
                  ),
                )}
              </Group>
            )}
          </Fact>
        </SimpleGrid>

        <Title order={5}>Component lots</Title>
        {order.components.length === 0 ? (
          <Text size="sm" c="dimmed">
            No materials were consumed.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing={4} striped aria-label={`Component lots of ${order.number}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>SKU</Table.Th>
                  <Table.Th>Lot</Table.Th>
                  <Table.Th>Expires On</Table.Th>
                  <Table.Th ta="right">Quantity</Table.Th>
                  <Table.Th>Locations</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {order.components.map((component) => (
                  <Table.Tr key={`${component.sku}|${component.lot ?? ''}`} fw={asked(component.sku, component.lot) ? 700 : undefined}>
                    <Table.Td ff="monospace">{component.sku}</Table.Td>
                    <Table.Td>{component.lot ? <LotLink merchantId={merchantId} sku={component.sku} lot={component.lot} direction="up" /> : '—'}</Table.Td>
                    <Table.Td>{formatDate(component.expiresOn)}</Table.Td>
                    <Table.Td ta="right">{component.quantity}</Table.Td>
                    <Table.Td ff="monospace">{formatBins(component.locations)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}

        <Title order={5}>Finished lots</Title>
        {order.outputs.length === 0 ? (
          <Text size="sm" c="dimmed">
            No finished goods were made.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={620}>
            <Table verticalSpacing={4} striped aria-label={`Finished lots of ${order.number}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>SKU</Table.Th>
                  <Table.Th>Lot</Table.Th>
                  <Table.Th>Expires On</Table.Th>
                  <Table.Th ta="right">Quantity</Table.Th>
                  <Table.Th>Put Away</Table.Th>
                  <Table.Th>On Hand Now</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {order.outputs.map((output) => (
                  <Table.Tr key={`${output.sku}|${output.lot ?? ''}`} fw={asked(output.sku, output.lot) ? 700 : undefined}>
                    <Table.Td ff="monospace">{output.sku}</Table.Td>
                    <Table.Td>{output.lot ? <LotLink merchantId={merchantId} sku={output.sku} lot={output.lot} direction="down" /> : '—'}</Table.Td>
                    <Table.Td>{formatDate(output.expiresOn)}</Table.Td>
                    <Table.Td ta="right">{output.quantity}</Table.Td>
                    <Table.Td ff="monospace">{output.putAway.length ? formatBins(output.putAway) : 'Not put away yet'}</Table.Td>
                    <Table.Td ff="monospace">{output.onHand.length ? formatBins(output.onHand) : 'None on hand'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
