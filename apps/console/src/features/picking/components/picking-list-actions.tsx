import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { PickingList } from '@wo/contracts/rest';
import { useState, type FormEvent } from 'react';
import { describeError } from '../../../components/ui/states';
import { ApiError } from '../../../lib/api-client';
import { useCancelPickingList } from '../api/cancel-picking-list';
import { useCompletePickingList } from '../api/complete-picking-list';
import { useStartPickingList } from '../api/start-picking-list';
import { allowedListActions } from '../list-actions';
import { useMay } from '../../auth/permissions';

/**
 * The list's actions, each only where its status allows it: Start (asks who picks), Mark Done,
 * Cancel (asks first). A refusal (409: someone else moved the list) shows the API's reason.
 */
export function PickingListActions({ list }: { list: PickingList }) {
  const start = useStartPickingList(list.id);
  const complete = useCompletePickingList(list.id);
  const cancel = useCancelPickingList(list.id);
  const [starting, setStarting] = useState(false);
  const [canceling, setCanceling] = useState(false);
  const allowed = useMay()('picking.change') ? allowedListActions(list.status) : [];
  const failed = [complete, cancel].find((mutation) => mutation.isError)?.error ?? (start.isError && !isFieldError(start.error) ? start.error : null);

  return (
    <Stack gap="sm">
      {allowed.length > 0 ? (
        <Group gap="xs">
          {allowed.includes('start') ? <Button onClick={() => setStarting(true)}>Start</Button> : null}
          {allowed.includes('complete') ? (
            <Button color="green" loading={complete.isPending} onClick={() => complete.mutate()}>
              Mark Done
            </Button>
          ) : null}
          {allowed.includes('cancel') ? (
            <Button variant="default" color="red" onClick={() => setCanceling(true)}>
              Cancel
            </Button>
          ) : null}
        </Group>
      ) : null}
      {failed && !starting && !canceling ? (
        <Alert color="red" title="The action was refused" role="alert">
          {describeError(failed)}
        </Alert>
      ) : null}

      <StartModal
        opened={starting}
        onClose={() => {
          setStarting(false);
          start.reset();
        }}
        mutation={start}
      />

      <Modal opened={canceling} onClose={() => setCanceling(false)} title="Cancel this picking list?" centered>
        <Stack gap="md">
          <Text size="sm">Its materials go back to Material Picking, where they can be put on a new list. Stock stays reserved for the work orders.</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setCanceling(false)}>
              Keep Picking List
            </Button>
            <Button color="red" loading={cancel.isPending} onClick={() => cancel.mutate(undefined, { onSettled: () => setCanceling(false) })}>
              Cancel Picking List
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function isFieldError(error: Error): boolean {
  return error instanceof ApiError && Boolean(error.fieldErrors['picker']);
}

function StartModal({ opened, onClose, mutation }: { opened: boolean; onClose: () => void; mutation: ReturnType<typeof useStartPickingList> }) {
  const [picker, setPicker] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!picker.trim()) return setMissing(true);
    mutation.mutate({ picker: picker.trim() }, { onSuccess: onClose });
  };
  const apiError = mutation.error instanceof ApiError ? mutation.error.fieldErrors['picker'] : undefined;
  return (
    <Modal opened={opened} onClose={onClose} title="Start picking" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Picker"
            description="Who walks the list"
            data-autofocus
            required
            value={picker}
            onChange={(event) => {
              setPicker(event.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? 'Enter the picker’s name' : apiError}
          />
          {mutation.isError && !apiError ? (
            <Alert color="red" role="alert">
              {describeError(mutation.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              Start Picking
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
