import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import type { Merchant } from '@wo/contracts/rest';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../../components/ui/states';
import { ApiError } from '../../../lib/api-client';
import { useCreateMerchant } from '../api/create-merchant';

/** "New Merchant": the company whose goods the warehouse keeps. */
export function NewMerchantModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (merchant: Merchant) => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="New Merchant" centered>
      {opened ? <NewMerchantForm onCancel={onClose} onCreated={onCreated} /> : null}
    </Modal>
  );
}

function NewMerchantForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (merchant: Merchant) => void }) {
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateMerchant();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: 'Enter a name' });
      return;
    }
    setErrors({});
    create.mutate({ name: name.trim() }, { onSuccess: onCreated, onError: (error) => setErrors(error instanceof ApiError ? error.fieldErrors : {}) });
  };

  const unplaced = create.isError && !(create.error instanceof ApiError && create.error.problem.errors?.length);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Name" placeholder="e.g. Acme Gifts" value={name} onChange={(event) => setName(event.currentTarget.value)} error={errors['name']} withAsterisk data-autofocus />
        {unplaced ? (
          <Alert color="red" title="The merchant was not saved" role="alert">
            {describeError(create.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
