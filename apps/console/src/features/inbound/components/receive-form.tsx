import { Alert, Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import type { InboundOrder } from '@wo/contracts/rest';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../../components/ui/states';
import { ApiError } from '../../../lib/api-client';
import { useReceiveInboundOrder } from '../api/receive-inbound-order';
import { buildReceiveBody, lineErrorsFromApi, receiveDefaults, stillExpected, type QuantityValue } from '../inbound-forms';

/**
 * Receive: per line how many arrived, defaulting to all still expected; partial receipts allowed.
 * Lines with 0 are left out; an over-receipt comes back from the API next to its line.
 */
export function ReceiveForm({ order, onReceived }: { order: InboundOrder; onReceived: (units: number) => void }) {
  const open = order.lines.filter((line) => stillExpected(line) > 0);
  const [values, setValues] = useState<Record<string, QuantityValue>>(() => receiveDefaults(open));
  const receive = useReceiveInboundOrder(order.id);
  const body = buildReceiveBody(values);
  const apiErrors = receive.error instanceof ApiError && receive.variables ? lineErrorsFromApi(receive.error.fieldErrors, receive.variables) : {};
  const otherError = receive.isError && Object.keys(apiErrors).length === 0 ? receive.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body) receive.mutate(body, { onSuccess: () => onReceived(body.lines.reduce((sum, line) => sum + line.quantity, 0)) });
  };

  if (open.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate aria-label="Receive">
      <Stack gap="sm">
        <div>
          <Title order={4}>Receive</Title>
          <Text size="sm" c="dimmed">
            Count what arrived at the dock. Partial receipts are fine; the rest stays expected.
          </Text>
        </div>
        {open.map((line) => (
          <NumberInput
            key={line.sku}
            label={`Receive ${line.sku}`}
            description={`${stillExpected(line)} of ${line.expected} still expected`}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            value={values[line.sku] ?? ''}
            onChange={(value) => {
              setValues((current) => ({ ...current, [line.sku]: value }));
              // An edited line no longer carries the refused receipt's message.
              if (receive.isError) receive.reset();
            }}
            error={apiErrors[line.sku]?.quantity}
            maw={360}
          />
        ))}
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
