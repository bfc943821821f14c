import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { InboundOrder } from '@wo/contracts/rest';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../components/ui/format';
import { InboundStatusBadge, inboundOrderLabel } from '../status';
import { InboundLines } from './inbound-lines';
import { PutawayForm } from './putaway-form';
import { ReceiveForm } from './receive-form';
import { useMay } from '../../auth/permissions';
import { Fact } from '../../../components/ui/fact';

/** A finished-goods inbound order: its lines' progress, then Receive and Put Away while there is something to do. */
export function InboundOrderDetail({ order, locations }: { order: InboundOrder; locations: readonly string[] }) {
  const may = useMay();
  const [notice, setNotice] = useState<string | null>(null);
  const putawaysWithLots = order.putaways.some((putaway) => putaway.lot);
  const refused = order.putaways.filter((putaway) => putaway.refused);
  return (
    <Stack gap="md">
      <Group gap="sm">
        <Title order={2} ff="monospace">
          {inboundOrderLabel(order.id)}
        </Title>
        <InboundStatusBadge status={order.status} />
      </Group>
      <Paper withBorder radius="md" p="sm">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Fact label="Work Order">
            {order.workOrderId ? (
              <Anchor component={Link} to={`/work-orders/${order.workOrderId}`} size="sm">
                {order.reference}
              </Anchor>
            ) : (
              order.reference
            )}
          </Fact>
          <Fact label="Source">{order.source === 'WORK_ORDER' ? 'Finished goods of a work order' : order.source}</Fact>
          <Fact label="Created">{formatDateTime(order.createdAt)}</Fact>
          <Fact label="Updated">{formatDateTime(order.updatedAt)}</Fact>
        </SimpleGrid>
      </Paper>

      {notice ? <Alert color="green" withCloseButton onClose={() => setNotice(null)} title={notice} /> : null}
      {order.status === 'PUT_AWAY' ? (
        <Alert color="green" title="All goods are on the shelves">
          Every finished good of this order has been received and put away; it counts as stock on hand.
        </Alert>
      ) : null}

      {refused.length > 0 && order.status !== 'PUT_AWAY' ? (
        <Alert color="orange" title={refused.length === 1 ? 'A putaway was refused' : `${refused.length} putaways were refused`}>
          <Stack gap={4}>
            {refused.map((putaway, index) => (
              <Text key={`${putaway.sku}-${putaway.at}-${index}`} size="sm">
                {putaway.quantity} {putaway.sku} could not go to {putaway.locationCode}: {putaway.refused!.reason}.
              </Text>
            ))}
            <Text size="sm">
              {may('inbound.putAway')
                ? 'The goods are back on the order: put them away at another location.'
                : 'The goods are back on the order, for the receiver to put away at another location.'}
            </Text>
          </Stack>
        </Alert>
      ) : null}

      <InboundLines merchantId={order.merchantId} lines={order.lines} />

      {/* Keyed on the order's version so the defaults follow what is left after each step. One above
          the other: a line of Receive holds its quantity, Lot and Expires On side by side. */}
      <Stack gap="md">
        {may('inbound.receive') ? (
          <ReceiveForm
            key={`receive-${order.updatedAt}`}
            order={order}
            onReceived={(units) => setNotice(`Received ${units} ${units === 1 ? 'unit' : 'units'}`)}
          />
        ) : null}
        {may('inbound.putAway') ? (
          <PutawayForm
            key={`putaway-${order.updatedAt}`}
            order={order}
            locations={locations}
            onPutAway={(units) => setNotice(`Put away ${units} ${units === 1 ? 'unit' : 'units'}`)}
          />
        ) : null}
      </Stack>

      {order.putaways.length > 0 ? (
        <Stack gap="xs">
          <Title order={4}>Putaways</Title>
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing={4} aria-label="Putaways">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>SKU</Table.Th>
                  {putawaysWithLots ? <Table.Th>Lot</Table.Th> : null}
                  <Table.Th>Location</Table.Th>
                  <Table.Th ta="right">Quantity</Table.Th>
                  <Table.Th>At</Table.Th>
                  <Table.Th>Outcome</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {order.putaways.map((putaway, index) => (
                  <Table.Tr key={`${putaway.sku}-${putaway.at}-${index}`}>
                    <Table.Td ff="monospace">{putaway.sku}</Table.Td>
                    {putawaysWithLots ? <Table.Td ff="monospace">{putaway.lot ?? '—'}</Table.Td> : null}
                    <Table.Td ff="monospace">{putaway.locationCode}</Table.Td>
                    <Table.Td ta="right">{putaway.quantity}</Table.Td>
                    <Table.Td>{formatDateTime(putaway.at)}</Table.Td>
                    <Table.Td>
                      {putaway.refused ? (
                        <Text size="sm" c="orange.8">
                          Refused: {putaway.refused.reason}
                        </Text>
                      ) : (
                        'Shelved'
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ) : null}
    </Stack>
  );
}
