import { Alert, Button, Group } from '@mantine/core';
import { describeError } from './states';

/**
 * The end of a create dialog: a refusal no field could show (`unplacedError`), then Cancel and
 * Save. Field messages stay next to their fields.
 */
export function DialogFormFooter({ what, unplacedError, saving, onCancel }: { what: string; unplacedError: unknown; saving: boolean; onCancel: () => void }) {
  return (
    <>
      {unplacedError ? (
        <Alert color="red" title={`The ${what} was not saved`} role="alert">
          {describeError(unplacedError)}
        </Alert>
      ) : null}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={saving}>
          Save
        </Button>
      </Group>
    </>
  );
}
