import { Alert, Button, Grid, Group, Modal, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Bom } from '@wo/contracts/rest';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { linesErrorsFrom } from '../../../components/line-editor/line-errors';
import { LinesEditor } from '../../../components/line-editor/lines-editor';
import type { EditableLine, LineSection } from '../../../components/line-editor/lines';
import { FormProblemAlert, refusalOf, type FormProblem } from '../../../components/ui/form-problem';
import { describeError } from '../../../components/ui/states';
import { ApiError } from '../../../lib/api-client';
import { useMerchantMode } from '../../merchants/api/get-merchants';
import { useCreateBom } from '../api/create-bom';
import { useDeleteBom } from '../api/delete-bom';
import { useUpdateBom } from '../api/update-bom';
import { bomBodyOf, bomInitialValues, unplacedBomErrors, validateBom, type BomFormValues } from './bom-form-model';
import { useMay } from '../../auth/permissions';

/**
 * A BOM recipe: what one set produces and consumes. New without `bom`; with one, Save replaces
 * it (work orders already made from it keep their copy) and Delete removes it after a confirmation.
 */
export function BomForm({ bom, saved = false }: { bom?: Bom; saved?: boolean }) {
  const navigate = useNavigate();
  const mayChange = useMay()('boms.change');
  const { merchants, single, byId, isLoading: merchantsLoading } = useMerchantMode();
  const create = useCreateBom();
  const update = useUpdateBom();
  const remove = useDeleteBom();
  const [values, setValues] = useState<BomFormValues>(() => bomInitialValues(bom));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(saved ? 'BOM saved.' : null);
  const [deleteOpened, deleteModal] = useDisclosure(false);
  const merchantId = values.merchantId ?? single?.id ?? null;

  const clear = (prefix: string) => setErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => !path.startsWith(prefix))));
  const changeLines = (section: LineSection, lines: EditableLine[]) => {
    setValues((current) => ({ ...current, [section]: lines }));
    clear(section);
  };

  const showFailure = (error: unknown) => {
    const refusal = refusalOf(error, unplacedBomErrors);
    setErrors(refusal.fieldErrors);
    setProblem(refusal.problem);
  };

  const save = () => {
    const full = { ...values, merchantId };
    const found = validateBom(full);
    setErrors(found);
    setProblem(null);
    setNotice(null);
    if (Object.keys(found).length > 0) return;
    const body = bomBodyOf(full);
    if (bom) update.mutate({ id: bom.id, body }, { onSuccess: () => setNotice('BOM saved.'), onError: showFailure });
    else create.mutate(body, { onSuccess: (created) => void navigate(`/boms/${created.id}`, { state: { saved: true } }), onError: showFailure });
  };

  const confirmDelete = () => {
    if (!bom) return;
    remove.mutate(bom.id, {
      onSuccess: () => void navigate('/boms'),
      onError: (error) => setProblem({ title: 'Not deleted', detail: describeError(error), messages: [] }),
    });
    deleteModal.close();
  };

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
        {notice ? (
          <Alert color="green" title={notice} withCloseButton onClose={() => setNotice(null)}>
            New work orders that apply it get these lines; work orders made from it before keep their own copy.
          </Alert>
        ) : null}
        <Paper withBorder p="md" radius="md">
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              {bom || single ? (
                <TextInput
                  label="Merchant"
                  value={merchantId ? (byId.get(merchantId)?.name ?? (merchantsLoading ? 'Loading…' : merchantId)) : ''}
                  readOnly
                  description={bom ? 'A BOM stays with its merchant' : 'The only merchant of this system'}
                />
              ) : (
                <Select
                  label="Merchant"
                  placeholder="Choose the merchant"
                  data={merchants.map((merchant) => ({ value: merchant.id, label: merchant.name }))}
                  value={values.merchantId}
                  onChange={(id) => {
                    setValues((current) => ({ ...current, merchantId: id }));
                    clear('merchantId');
                  }}
                  searchable
                  error={errors['merchantId']}
                />
              )}
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Name"
                required
                maxLength={200}
                value={values.name}
                onChange={(event) => {
                  const name = event.currentTarget.value;
                  setValues((current) => ({ ...current, name }));
                  clear('name');
                }}
                error={errors['name']}
              />
            </Grid.Col>
          </Grid>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Title order={3} size="h4" mb={2}>
            Produce Output
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            What one set yields.
          </Text>
          <LinesEditor
            kind="output"
            merchantId={merchantId}
            lines={values.outputs}
            onChange={(lines) => changeLines('outputs', lines)}
            errors={linesErrorsFrom(errors, 'outputs')}
          />
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Title order={3} size="h4" mb={2}>
            Consume Materials
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            What one set uses up.
          </Text>
          <LinesEditor
            kind="material"
            merchantId={merchantId}
            lines={values.materials}
            onChange={(lines) => changeLines('materials', lines)}
            errors={linesErrorsFrom(errors, 'materials')}
          />
        </Paper>
        <Group justify="space-between">
          {bom && mayChange ? (
            <Button variant="outline" color="red" onClick={deleteModal.open} loading={remove.isPending}>
              Delete
            </Button>
          ) : (
            <span />
          )}
          {mayChange ? (
            <Button type="submit" loading={create.isPending || update.isPending}>
              Save
            </Button>
          ) : null}
        </Group>
      </Stack>
      <Modal opened={deleteOpened} onClose={deleteModal.close} title="Delete this BOM?" centered>
        <Stack gap="sm">
          <Text size="sm">“{bom?.name}” can no longer be applied to new work orders. Work orders already made from it keep their lines.</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={deleteModal.close}>
              Keep it
            </Button>
            <Button color="red" onClick={confirmDelete}>
              Delete BOM
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}
