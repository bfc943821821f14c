import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { InboundOrder } from '@wo/contracts/rest';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../../components/ui/states';
import { ApiError } from '../../../lib/api-client';
import { useReceiveInboundOrder } from '../api/receive-inbound-order';
import {
  buildReceiveBody,
  lineErrorsFromApi,
  lotIsOpen,
  receiveDefaults,
  receiveLotDefaults,
  receiveLotErrors,
  stillExpected,
  type LineErrors,
  type QuantityValue,
  type ReceiveLotValue,
} from '../inbound-forms';

/**
 * Receive: per line how many arrived, defaulting to all still expected; partial receipts allowed.
 * Each line's Lot and Expires On start as the line expects (finished goods: the work order's
 * number) and may be replaced by what is printed on the goods at the line's first receipt.
 * Lines with 0 are left out; an over-receipt or a refused lot comes back next to its line.
 */
export function ReceiveForm({ order, onReceived }: { order: InboundOrder; onReceived: (units: number) => void }) {
  const open = order.lines.filter((line) => stillExpected(line) > 0);
  const [values, setValues] = useState<Record<string, QuantityValue>>(() => receiveDefaults(open));
  const [lots, setLots] = useState<Record<string, ReceiveLotValue>>(() => receiveLotDefaults(open));
  const [checked, setChecked] = useState<LineErrors>({});
  const receive = useReceiveInboundOrder(order.id);
  const body = buildReceiveBody(values, lots, open);
  const apiErrors = receive.error instanceof ApiError && receive.variables ? lineErrorsFromApi(receive.error.fieldErrors, receive.variables) : {};
  const otherError = receive.isError && Object.keys(apiErrors).length === 0 ? receive.error : null;
  const errorOf = (sku: string, field: keyof LineErrors[string]) => checked[sku]?.[field] ?? apiErrors[sku]?.[field];

  // An edited line no longer carries the refused receipt's message.
  const edited = () => {
    setChecked({});
    if (receive.isError) receive.reset();
  };
  const setLot = (sku: string, change: Partial<ReceiveLotValue>) => {
    setLots((current) => ({ ...current, [sku]: { lot: '', expiresOn: '', ...current[sku], ...change } }));
    edited();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = receiveLotErrors(values, lots, open);
    setChecked(problems);
    if (body && Object.keys(problems).length === 0)
      receive.mutate(body, { onSuccess: () => onReceived(body.lines.reduce((sum, line) => sum + line.quantity, 0)) });
  };

  if (open.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate aria-label="Receive">
      <Stack gap="sm">
        <div>
          <Title order={4}>Receive</Title>
          <Text size="sm" c="dimmed">
            Count what arrived at the dock. Partial receipts are fine; the rest stays expected. Keep the lot the line expects, or enter the lot printed on the
            goods.
          </Text>
        </div>
        {open.map((line) => {
          const lotOpen = lotIsOpen(line);
          return (
            <SimpleGrid key={line.sku} cols={{ base: 1, sm: 3 }} spacing="sm">
              <NumberInput
                label={`Receive ${line.sku}`}
                description={`${stillExpected(line)} of ${line.expected} still expected`}
                min={0}
                allowDecimal={false}
                allowNegative={false}
                value={values[line.sku] ?? ''}
                onChange={(value) => {
                  setValues((current) => ({ ...current, [line.sku]: value }));
                  edited();
                }}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                error={errorOf(line.sku, 'quantity')}
              />
              <TextInput
                label={`Lot for ${line.sku}`}
                description={lotOpen ? (line.lot ? `Expected: ${line.lot}` : 'If the goods carry one') : 'Set at the first receipt'}
                value={lots[line.sku]?.lot ?? ''}
                onChange={(event) => setLot(line.sku, { lot: event.currentTarget.value })}
                readOnly={!lotOpen}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                error={errorOf(line.sku, 'lot')}
              />
              <TextInput
                type="date"
                label={`Expires On for ${line.sku}`}
                description={lotOpen ? 'Leave empty when it does not expire' : 'Set at the first receipt'}
                value={lots[line.sku]?.expiresOn ?? ''}
                onChange={(event) => setLot(line.sku, { expiresOn: event.currentTarget.value })}
                readOnly={!lotOpen}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                error={errorOf(line.sku, 'expiresOn')}
              />
            </SimpleGrid>
          );
        })}
        {otherError ? (
          <Alert color="red" title="Nothing was received" role="alert">
            {describeError(otherError)}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" disabled={!body} loading={receive.isPending}>
            Receive
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
