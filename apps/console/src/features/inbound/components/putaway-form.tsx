import { Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { InboundOrder } from '@wo/contracts/rest';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../../components/ui/states';
import { ApiError } from '../../../lib/api-client';
import { usePutAwayInboundOrder } from '../api/put-away-inbound-order';
import { awaitingPutaway, buildPutawayBody, lineErrorsFromApi, putawayDefaults, quantityOf, type LineErrors, type PutawayValue } from '../inbound-forms';

/**
 * Put Away: per line how many go to which location of the warehouse, defaulting to all received
 * and not yet shelved. Lines with 0 are left out; a line with a quantity needs a location.
 */
export function PutawayForm({ order, locations, onPutAway }: { order: InboundOrder; locations: readonly string[]; onPutAway: (units: number) => void }) {
  const open = order.lines.filter((line) => awaitingPutaway(line) > 0);
  const [values, setValues] = useState<Record<string, PutawayValue>>(() => putawayDefaults({ lines: open, putaways: order.putaways }));
  const [localErrors, setLocalErrors] = useState<LineErrors>({});
  const putAway = usePutAwayInboundOrder(order.id);
  const apiErrors = putAway.error instanceof ApiError && putAway.variables ? lineErrorsFromApi(putAway.error.fieldErrors, putAway.variables) : {};
  const otherError = putAway.isError && Object.keys(apiErrors).length === 0 ? putAway.error : null;
  const hasQuantity = Object.values(values).some((value) => quantityOf(value.quantity) > 0);

  const change = (sku: string, next: Partial<PutawayValue>) => {
    setValues((current) => ({ ...current, [sku]: { ...current[sku]!, ...next } }));
    setLocalErrors((current) => ({ ...current, [sku]: {} }));
    if (putAway.isError) putAway.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { body, errors } = buildPutawayBody(values);
    setLocalErrors(errors);
    if (body) putAway.mutate(body, { onSuccess: () => onPutAway(body.lines.reduce((sum, line) => sum + line.quantity, 0)) });
  };

  if (open.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate aria-label="Put Away">
      <Stack gap="sm">
        <div>
          <Title order={4}>Put Away</Title>
          <Text size="sm" c="dimmed">
            Shelve received goods: stock on hand rises at the chosen location.
          </Text>
        </div>
        {open.map((line) => (
          <SimpleGrid key={line.sku} cols={{ base: 1, sm: 2 }} spacing="sm" maw={640}>
            <NumberInput
              label={`Put away ${line.sku}`}
              description={`${awaitingPutaway(line)} received, not yet put away`}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              value={values[line.sku]?.quantity ?? ''}
              onChange={(value) => change(line.sku, { quantity: value })}
              error={apiErrors[line.sku]?.quantity}
            />
            <Select
              label={`Location for ${line.sku}`}
              description="A location of this warehouse"
              placeholder="Choose a location"
              data={[...locations]}
              searchable
              value={values[line.sku]?.locationCode ?? null}
              onChange={(value) => change(line.sku, { locationCode: value })}
              error={localErrors[line.sku]?.locationCode ?? apiErrors[line.sku]?.locationCode}
            />
          </SimpleGrid>
        ))}
        {otherError ? (
          <Alert color="red" title="Nothing was put away" role="alert">
            {describeError(otherError)}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" disabled={!hasQuantity} loading={putAway.isPending}>
            Put Away
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
