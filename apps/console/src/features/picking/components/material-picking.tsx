import { Alert, Anchor, Button, Checkbox, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState, describeError } from '../../../components/ui/states';
import { ApiError } from '../../../lib/api-client';
import { useCreatePickingList } from '../api/create-picking-list';
import { usePickingRequests } from '../api/get-picking-requests';
import { groupRequestsByWorkOrder } from '../picking-groups';
import { allSelected, someSelected, toggle, toggleAll, visibleSelection, type Selection } from '../selection';
import { pickingListLabel } from '../status';
import { PickingRequestCard } from './picking-request-card';
import { useMay } from '../../auth/permissions';

/**
 * Material Picking: the warehouse's Allocated work orders whose materials are not on a list yet,
 * one card per order; the operator ticks some and makes ONE picking list for all of them.
 */
export function MaterialPicking({ warehouseId }: { warehouseId: string }) {
  const requests = usePickingRequests(warehouseId);
  const create = useCreatePickingList();
  const mayCreate = useMay()('picking.change');
  const [selection, setSelection] = useState<Selection>([]);
  const groups = useMemo(() => groupRequestsByWorkOrder(requests.data ?? []), [requests.data]);
  const ids = useMemo(() => groups.map((group) => group.workOrderId), [groups]);
  // Orders listed elsewhere meanwhile drop out of the selection as the requests refresh.
  const selected = visibleSelection(selection, ids);
  const numberOf = new Map(groups.map((group) => [group.workOrderId, group.workOrderNumber]));

  const submit = () => {
    create.mutate({ warehouseId, workOrderIds: [...selected] }, { onSuccess: () => setSelection([]) });
  };

  if (requests.isPending) return <LoadingState label="Loading picking requests…" />;
  if (requests.isError) return <ErrorState error={requests.error} onRetry={() => void requests.refetch()} />;

  return (
    <Stack gap="md">
      {create.isSuccess ? (
        <Alert color="green" title="Picking list created" withCloseButton onClose={() => create.reset()}>
          <Text size="sm">
            {create.data.workOrderIds.length} {create.data.workOrderIds.length === 1 ? 'work order is' : 'work orders are'} on picking list{' '}
            <Anchor component={Link} to={`/picking-lists/${create.data.id}`} size="sm">
              {pickingListLabel(create.data.id)}
            </Anchor>{' '}
            ({create.data.lines.length} stops). Hand it to a picker and start it from the list.
          </Text>
        </Alert>
      ) : null}
      {create.isError ? <CreateError error={create.error} numberOf={numberOf} /> : null}

      {groups.length === 0 ? (
        <EmptyState title="No picking requests">
          Confirmed work orders appear here once their materials are reserved (status Allocated). Confirm a work order on its detail page, then select it here
          to create a picking list.
        </EmptyState>
      ) : (
        <>
          <Paper withBorder radius="md" px="sm" py="xs" pos="sticky" top={64} style={{ zIndex: 2 }}>
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Group gap="md">
                <Checkbox
                  label="Select all"
                  checked={allSelected(selected, ids)}
                  indeterminate={someSelected(selected, ids)}
                  onChange={() => setSelection(toggleAll(selected, ids))}
                />
                <Text size="sm" c="dimmed" aria-live="polite">
                  {selected.length} of {ids.length} work orders selected
                </Text>
              </Group>
              {mayCreate ? (
                <Button onClick={submit} disabled={selected.length === 0} loading={create.isPending}>
                  Create Picking List
                </Button>
              ) : null}
            </Group>
          </Paper>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
            {groups.map((group) => (
              <PickingRequestCard
                key={group.workOrderId}
                group={group}
                selected={selected.includes(group.workOrderId)}
                onToggle={() => setSelection(toggle(selected, group.workOrderId))}
              />
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

/** Why the list was refused, per work order where the API says which (`workOrderIds[i]`). */
function CreateError({ error, numberOf }: { error: Error; numberOf: Map<string, string> }) {
  const fieldMessages = error instanceof ApiError ? (error.problem.errors ?? []).map((fieldError) => fieldError.message) : [];
  return (
    <Alert color="red" title="The picking list was not created" role="alert">
      <Text size="sm">{describeError(error)}</Text>
      {fieldMessages.length > 0 ? (
        <List size="sm" mt={4}>
          {fieldMessages.map((message) => (
            <List.Item key={message}>{[...numberOf].reduce((text, [id, number]) => text.replace(id, number), message)}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
