import { Modal, Stack, TextInput } from '@mantine/core';
import type { Merchant } from '@wo/contracts/rest';
import { useState, type FormEvent } from 'react';
import { DialogFormFooter } from '../../../components/ui/dialog-form-footer';
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
        <TextInput
          label="Name"
          placeholder="e.g. Acme Gifts"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors['name']}
          withAsterisk
          data-autofocus
        />
        <DialogFormFooter what="merchant" unplacedError={unplaced ? create.error : null} saving={create.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
