import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconInfoCircle } from '@tabler/icons-react';
import type { WorkOrderActionAccepted, WorkOrderDetail } from '@wo/contracts/rest';
import { NavigateButton } from '../../../components/ui/navigate-button';
import { describeError } from '../../../components/ui/states';
import { ApiError } from '../../../lib/api-client';
import { useWorkOrderAction, type PostedWorkOrderAction } from '../api/work-order-actions';
import { useMay } from '../../auth/permissions';
import { pendingStepText, workOrderActionButtons, workOrderActionPermission, workOrderActionLabels, type ActionButtonState } from './work-order-action-buttons';

const buttonColors: Partial<Record<PostedWorkOrderAction, string>> = { cancel: 'red' };

/**
 * The detail page's buttons (guide 2.3), only those of the order's status; below them, why a
 * shown button cannot be used, the step in flight, and what a refused action said.
 */
export function WorkOrderActions({
  order,
  awaitingChange = false,
  onAccepted,
}: {
  order: WorkOrderDetail;
  awaitingChange?: boolean;
  onAccepted?: (accepted: WorkOrderActionAccepted) => void;
}) {
  const mutation = useWorkOrderAction(order.id);
  const [cancelOpened, cancelModal] = useDisclosure(false);
  const may = useMay();
  const buttons = workOrderActionButtons(order, awaitingChange || mutation.isPending).filter((button) => may(workOrderActionPermission[button.action]));

  const run = (action: PostedWorkOrderAction) => {
    mutation.mutate(action, {
      onSuccess: (accepted) => {
        cancelModal.close();
        onAccepted?.(accepted);
      },
      onError: () => cancelModal.close(),
    });
  };

  if (buttons.length === 0) return null;
  const blocked = buttons.filter((button) => button.reason !== null);
  const runningAction = mutation.isPending ? mutation.variables : null;

  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="wrap">
        {buttons.map((button) =>
          button.action === 'edit' ? (
            <EditButton key="edit" id={order.id} button={button} />
          ) : (
            <Button
              key={button.action}
              variant={button.action === 'cancel' ? 'outline' : 'filled'}
              color={buttonColors[button.action]}
              disabled={!button.enabled}
              loading={runningAction === button.action}
              onClick={() => (button.action === 'cancel' ? cancelModal.open() : run(button.action as PostedWorkOrderAction))}
            >
              {button.label}
            </Button>
          ),
        )}
      </Group>

      {order.pendingAction ? (
        <Alert color="yellow" variant="light" role="status" icon={<Loader size="xs" color="yellow" />}>
          {pendingStepText[order.pendingAction]}
        </Alert>
      ) : awaitingChange ? (
        <Alert color="yellow" variant="light" role="status" icon={<Loader size="xs" color="yellow" />}>
          {mutation.variables === 'createPickingList'
            ? 'Creating the picking list… the order moves to Processing. The page updates by itself.'
            : 'Working on it… the page updates by itself when it settles.'}
        </Alert>
      ) : null}

      {blocked.map((button) => (
        <Alert key={button.action} color="gray" variant="light" icon={<IconInfoCircle size={20} />} title={`${button.label} is not possible yet`}>
          {sentence(button.reason ?? '')}
        </Alert>
      ))}

      {mutation.isError ? (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title={refusedTitle(mutation.variables, mutation.error)}
          withCloseButton
          onClose={() => mutation.reset()}
          closeButtonLabel="Dismiss"
        >
          {describeError(mutation.error)}
        </Alert>
      ) : null}

      <Modal opened={cancelOpened} onClose={cancelModal.close} title="Cancel this work order?" centered>
        <Stack gap="md">
          <Text size="sm">
            {order.number} {order.name} will be canceled{order.status === 'ALLOCATED' ? ' and its reserved materials released back to inventory' : ''}. This
            cannot be undone.
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={cancelModal.close}>
              Keep it
            </Button>
            <Button color="red" loading={runningAction === 'cancel'} onClick={() => run('cancel')}>
              {workOrderActionLabels.cancel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function EditButton({ id, button }: { id: string; button: ActionButtonState }) {
  if (!button.enabled) {
    return (
      <Button variant="default" disabled>
        {button.label}
      </Button>
    );
  }
  return (
    <NavigateButton variant="default" to={`/work-orders/${encodeURIComponent(id)}/edit`}>
      {button.label}
    </NavigateButton>
  );
}

function refusedTitle(action: PostedWorkOrderAction | undefined, error: unknown): string {
  const label = action ? workOrderActionLabels[action] : 'The action';
  if (error instanceof ApiError && error.status === 409) return `${label} was refused`;
  return `${label} did not go through`;
}

/** A reason as a sentence: capital first letter, full stop at the end. */
function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
