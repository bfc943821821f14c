import { Badge } from '@mantine/core';
import { sagaStates, sagaTypes, type SagaState, type SagaType } from '@wo/contracts/rest';

/** The words the Sagas screen uses for each state (its filter and its badges). */
export const sagaStateLabels: Record<SagaState, string> = { RUNNING: 'Running', STUCK: 'Stuck', FINISHED: 'Finished' };

export const sagaTypeLabels: Record<SagaType, string> = { allocation: 'Allocation', release: 'Release', completion: 'Completion' };

const stateColors: Record<SagaState, string> = { RUNNING: 'blue', STUCK: 'red', FINISHED: 'green' };

/** Running first, then the ones that need someone, then the finished. */
export const sagaStatesInOrder: readonly SagaState[] = ['RUNNING', 'STUCK', 'FINISHED'];

export const sagaTypeOptions = sagaTypes.map((type) => ({ value: type, label: sagaTypeLabels[type] }));

export function isSagaState(value: string | null | undefined): value is SagaState {
  return sagaStates.some((state) => state === value);
}

export function isSagaType(value: string | null | undefined): value is SagaType {
  return sagaTypes.some((type) => type === value);
}

export function SagaStateBadge({ state }: { state: SagaState }) {
  return (
    <Badge color={stateColors[state]} variant="light" radius="sm" styles={{ label: { overflow: 'visible' } }}>
      {sagaStateLabels[state]}
    </Badge>
  );
}
