import { Alert, Badge, Button, Checkbox, Grid, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { IconWand } from '@tabler/icons-react';
import { WorkOrderStatus, type Bom, type WorkOrderDetail } from '@wo/contracts/rest';
import { priorityOptions } from './work-order-priority';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { linesErrorsFrom } from '../../../components/line-editor/line-errors';
import { LinesEditor } from '../../../components/line-editor/lines-editor';
import type { EditableLine, LineSection } from '../../../components/line-editor/lines';
import { FormProblemAlert, refusalOf, type FormProblem } from '../../../components/ui/form-problem';
import { describeError } from '../../../components/ui/states';
import { ApiError } from '../../../lib/api-client';
import { useMerchantMode } from '../../merchants/api/get-merchants';
import { useWarehouses } from '../../warehouses/api/get-warehouses';
import { useCurrentWarehouse } from '../../warehouses/current-warehouse';
import { useCreateWorkOrder } from '../api/create-work-order';
import { useSuggestNumber } from '../api/suggest-number';
import { useUpdateWorkOrder } from '../api/update-work-order';
import { ApplyBomModal } from './work-order-form-apply-bom';
import {
  createBody,
  fieldError,
  initialValues,
  linesForSets,
  unplacedErrors,
  updateBody,
  validateWorkOrder,
  type WorkOrderField,
  type WorkOrderFormValues,
} from './work-order-form-model';

/**
 * New and Edit of a work order (guide Scenario 1). Without `order` it creates a Draft in the
 * current warehouse; with one it changes that order (Draft or Out of Stock) with only the fields
 * that differ.
 */
export function WorkOrderForm({ order }: { order?: WorkOrderDetail }) {
  const navigate = useNavigate();
  const { merchants, single, byId, isLoading: merchantsLoading } = useMerchantMode();
  const { warehouseId: currentWarehouseId } = useCurrentWarehouse();
  const warehouses = useWarehouses();
  const create = useCreateWorkOrder();
  const update = useUpdateWorkOrder();
  const suggest = useSuggestNumber();
  const [values, setValues] = useState<WorkOrderFormValues>(() => initialValues(order));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [applied, setApplied] = useState<{ name: string; sets: number } | null>(null);
  const [bomOpened, bomModal] = useDisclosure(false);

  const editing = order !== undefined;
  const merchantId = values.merchantId ?? single?.id ?? null;
  const warehouseId = order?.warehouseId ?? currentWarehouseId;
  const warehouse = warehouses.data?.find((candidate) => candidate.id === warehouseId);
  const saving = create.isPending || update.isPending;

  const change = (next: Partial<WorkOrderFormValues>, clears: WorkOrderField[] = []) => {
    setValues((current) => ({ ...current, ...next }));
    if (clears.length > 0)
      setErrors((current) =>
        Object.fromEntries(Object.entries(current).filter(([path]) => !clears.some((field) => path === field || path.startsWith(`${field}.`)))),
      );
  };

  // Editing the lines by hand means they are no longer the recipe's: send them as they are.
  const changeLines = (section: LineSection, lines: EditableLine[]) => {
    setValues((current) => ({ ...current, [section]: lines, bom: null }));
    setApplied(null);
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => !path.startsWith(section) && !path.startsWith('bom'))));
  };

  const applyBom = (bom: Bom, sets: number) => {
    setValues((current) => ({ ...current, ...linesForSets(bom, sets), bom: editing ? null : { bomId: bom.id, sets } }));
    setApplied({ name: bom.name, sets });
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => !/^(outputs|materials|bom)/.test(path))));
  };

  const suggestNumber = () => {
    if (!warehouseId) return;
    suggest.mutate(warehouseId, { onSuccess: ({ number }) => change({ number }, ['number']) });
  };

  const showFailure = (error: unknown) => {
    const refusal = refusalOf(error, unplacedErrors);
    setErrors(refusal.fieldErrors);
    setProblem(refusal.problem);
  };

  const save = () => {
    const full = { ...values, merchantId };
    const found = validateWorkOrder(full);
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) return;
    if (order) {
      const body = updateBody(full, order);
      if (!body) {
        setProblem({ title: 'Nothing to save', detail: 'No field differs from the work order as it is.', messages: [] });
        return;
      }
      update.mutate({ id: order.id, body }, { onSuccess: (saved) => void navigate(`/work-orders/${saved.id}`), onError: showFailure });
      return;
    }
    if (!warehouseId) return;
    create.mutate(createBody(full, warehouseId), { onSuccess: (saved) => void navigate(`/work-orders/${saved.id}`), onError: showFailure });
  };

  const merchantName = merchantId ? (byId.get(merchantId)?.name ?? (merchantsLoading ? 'Loading…' : merchantId)) : '';

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Stack gap="md">
        <FormProblemAlert problem={problem} onClose={() => setProblem(null)} />
        {order?.status === WorkOrderStatus.OutOfStock ? (
          <Alert color="orange" title="Out of Stock">
            Saving re-allocates this work order: it is confirmed again with the new quantities.
          </Alert>
        ) : null}
        {!warehouseId ? (
          <Alert color="yellow" title="No warehouse chosen">
            Choose the warehouse you work in at the top right: a work order is executed in one warehouse.
          </Alert>
        ) : null}

        <Paper withBorder p="md" radius="md">
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              {editing || single ? (
                <TextInput
                  label="Merchant"
                  value={merchantName}
                  readOnly
                  description={editing ? 'A work order stays with its merchant' : 'The only merchant of this system'}
                />
              ) : (
                <Select
                  label="Merchant"
                  placeholder="Choose the merchant"
                  data={merchants.map((merchant) => ({ value: merchant.id, label: merchant.name }))}
                  value={values.merchantId}
                  onChange={(id) => {
                    // Another merchant's products: a recipe applied for the previous one no longer holds.
                    change({ merchantId: id, bom: null }, ['merchantId']);
                    setApplied(null);
                  }}
                  searchable
                  error={fieldError(errors, 'merchantId')}
                />
              )}
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Name"
                required
                value={values.name}
                onChange={(event) => change({ name: event.currentTarget.value }, ['name'])}
                error={fieldError(errors, 'name')}
                maxLength={200}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              {editing ? (
                <TextInput label="Work Order Number" value={values.number} readOnly description="The number stays as it was given" />
              ) : (
                <TextInput
                  label="Work Order Number"
                  description="Optional: left empty, the next number is used"
                  value={values.number}
                  onChange={(event) => change({ number: event.currentTarget.value }, ['number'])}
                  error={fieldError(errors, 'number') ?? (suggest.isError ? describeError(suggest.error) : undefined)}
                  maxLength={64}
                  rightSectionWidth={152}
                  rightSectionPointerEvents="all"
                  rightSection={
                    <Button size="compact-sm" variant="light" mr={4} onClick={suggestNumber} loading={suggest.isPending} disabled={!warehouseId}>
                      Suggest number
                    </Button>
                  }
                />
              )}
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <DatePickerInput
                label="Scheduled At"
                description="The day it is planned for"
                placeholder="Pick a date"
                clearable
                valueFormat="YYYY-MM-DD"
                value={values.scheduledAt}
                onChange={(date) => change({ scheduledAt: date }, ['scheduledAt'])}
                error={fieldError(errors, 'scheduledAt')}
                minDate="2000-01-01"
                maxDate="2100-12-31"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label="Priority"
                description="Waiting orders get arriving stock in this order"
                data={priorityOptions}
                value={values.priority}
                allowDeselect={false}
                onChange={(priority) => {
                  const chosen = priorityOptions.find((option) => option.value === priority);
                  if (chosen) change({ priority: chosen.value }, ['priority']);
                }}
                error={fieldError(errors, 'priority')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Checkbox
                mt={{ base: 0, sm: 'xl' }}
                label="Auto-retry"
                description="When Out of Stock, allocate again by itself as soon as the missing stock arrives"
                checked={values.autoRetry}
                onChange={(event) => change({ autoRetry: event.currentTarget.checked }, ['autoRetry'])}
                error={fieldError(errors, 'autoRetry')}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Text size="sm" c="dimmed">
                {warehouse ? `Will be executed in ${warehouse.code} · ${warehouse.name}` : warehouseId ? 'Will be executed in the current warehouse' : ''}
              </Text>
            </Grid.Col>
          </Grid>
        </Paper>

        <Paper withBorder p="md" radius="md">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2}>
              <Text fw={600}>Fill from a recipe</Text>
              <Text size="sm" c="dimmed">
                A BOM fills both sections with its quantities times the sets; you can still change them.
              </Text>
            </Stack>
            <Group gap="xs">
              {applied ? (
                <Badge variant="light" size="lg" tt="none">
                  {applied.name} × {applied.sets} {applied.sets === 1 ? 'set' : 'sets'}
                </Badge>
              ) : null}
              <Button variant="light" leftSection={<IconWand size={16} />} onClick={bomModal.open} disabled={!merchantId}>
                Apply BOM
              </Button>
            </Group>
          </Group>
          {fieldError(errors, 'bom') ? (
            <Text size="sm" c="red" mt="xs" role="alert">
              BOM: {fieldError(errors, 'bom')}
            </Text>
          ) : null}
        </Paper>

        <Paper withBorder p="md" radius="md">
          <Title order={3} size="h4" mb="xs">
            Produce Output
          </Title>
          <LinesEditor
            kind="output"
            merchantId={merchantId}
            lines={values.outputs}
            onChange={(lines) => changeLines('outputs', lines)}
            errors={linesErrorsFrom(errors, 'outputs')}
            emptyHint="No outputs yet: add what this work order produces, or apply a BOM."
          />
        </Paper>

        <Paper withBorder p="md" radius="md">
          <Title order={3} size="h4" mb="xs">
            Consume Materials
          </Title>
          <LinesEditor
            kind="material"
            merchantId={merchantId}
            lines={values.materials}
            onChange={(lines) => changeLines('materials', lines)}
            errors={linesErrorsFrom(errors, 'materials')}
            emptyHint="No materials yet: add what this work order consumes, or apply a BOM."
          />
        </Paper>

        <Group justify="flex-end">
          <Button type="submit" loading={saving} disabled={!warehouseId}>
            Save
          </Button>
        </Group>
      </Stack>
      {merchantId ? <ApplyBomModal opened={bomOpened} onClose={bomModal.close} merchantId={merchantId} onApply={applyBom} /> : null}
    </form>
  );
}
