import type { MessageDefinition } from '@wo/contracts/envelope';
import type { z } from 'zod';
import { allocationSaga } from './allocation-saga';
import { completionSaga } from './completion-saga';
import { releaseSaga } from './release-saga';
import type { AnySagaDefinition } from './saga-definition';

/** Every saga work-orders runs. A new saga is its definition's file and one line here. */
export const SAGAS: readonly AnySagaDefinition[] = [allocationSaga, releaseSaga, completionSaga];

export const SAGA_TYPES: readonly string[] = SAGAS.map((saga) => saga.type);

/** Every reply some saga expects: what the saga-replies consumer subscribes to. */
export const SAGA_REPLIES: readonly MessageDefinition<string, z.ZodType>[] = [
  ...new Set(SAGAS.flatMap((saga) => saga.steps.flatMap((step) => [...step.onReply, ...(step.withCompensation?.onReply ?? [])]).map((route) => route.reply))),
];

const byType = new Map(SAGAS.map((saga) => [saga.type, saga]));

/** The definition of a stored saga's type. */
export function sagaOfType(type: string): AnySagaDefinition {
  const definition = byType.get(type);
  if (!definition) throw new Error(`no saga of type ${type}`);
  return definition;
}
