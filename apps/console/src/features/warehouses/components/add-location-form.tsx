import { Button, Group, TextInput } from '@mantine/core';
import type { Warehouse } from '@wo/contracts/rest';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../../components/ui/states';
import { ApiError } from '../../../lib/api-client';
import { useAddLocation } from '../api/add-location';
import { checkCode } from '../warehouse-form';

/** "Add Location": one more bin code in a warehouse. */
export function AddLocationForm({ warehouse }: { warehouse: Warehouse }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [added, setAdded] = useState<string | null>(null);
  const add = useAddLocation();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    const problem = checkCode(code);
    if (problem) {
      setError(problem);
      return;
    }
    setError(undefined);
    add.mutate(
      { warehouseId: warehouse.id, code: code.trim() },
      {
        onSuccess: (location) => {
          setAdded(location.code);
          setCode('');
        },
        onError: (failure) => setError(failure instanceof ApiError ? (failure.fieldErrors['code'] ?? describeError(failure)) : describeError(failure)),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Add Location to ${warehouse.code}`}>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          label="Location code"
          placeholder="e.g. C-01"
          size="xs"
          w={140}
          value={code}
          onChange={(event) => {
            setCode(event.currentTarget.value);
            setError(undefined);
          }}
          error={error}
          description={added ? `${added} added` : undefined}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
        />
        <Button type="submit" size="xs" variant="light" loading={add.isPending} mt={22}>
          Add
        </Button>
      </Group>
    </form>
  );
}
