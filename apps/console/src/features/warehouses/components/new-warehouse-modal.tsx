import { Modal, Stack, TagsInput, TextInput } from '@mantine/core';
import type { Warehouse } from '@wo/contracts/rest';
import { useState, type FormEvent } from 'react';
import { DialogFormFooter } from '../../../components/ui/dialog-form-footer';
import { ApiError } from '../../../lib/api-client';
import { useCreateWarehouse } from '../api/create-warehouse';
import { buildWarehouseBody, warehouseFieldErrors } from '../warehouse-form';

/** "New Warehouse" with its location codes (bins, coded in walking order). */
export function NewWarehouseModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (warehouse: Warehouse) => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="New Warehouse" centered>
      {opened ? <NewWarehouseForm onCancel={onClose} onCreated={onCreated} /> : null}
    </Modal>
  );
}

function NewWarehouseForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (warehouse: Warehouse) => void }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [locations, setLocations] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateWarehouse();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const draft = buildWarehouseBody({ code, name, locations });
    if (!draft.ok) {
      setErrors(draft.errors);
      return;
    }
    setErrors({});
    const sent = draft.body.locations ?? [];
    create.mutate(draft.body, {
      onSuccess: onCreated,
      onError: (error) => setErrors(error instanceof ApiError ? warehouseFieldErrors(error.fieldErrors, sent) : {}),
    });
  };

  const unplaced = create.isError && !(create.error instanceof ApiError && create.error.problem.errors?.length);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Code"
          placeholder="e.g. WH2"
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={errors['code']}
          withAsterisk
          data-autofocus
        />
        <TextInput
          label="Name"
          placeholder="e.g. North warehouse"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors['name']}
          withAsterisk
        />
        <TagsInput
          label="Locations"
          description="Type a location code and press Enter; paste several separated by commas or spaces"
          placeholder="e.g. A-01"
          value={locations}
          onChange={setLocations}
          splitChars={[',', ' ', ';']}
          acceptValueOnBlur
          clearable
          error={errors['locations']}
        />
        <DialogFormFooter what="warehouse" unplacedError={unplaced ? create.error : null} saving={create.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
