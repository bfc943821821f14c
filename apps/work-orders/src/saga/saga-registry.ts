import { onAllocationReply, pendingAllocationCommands, type AllocationOutcome, type AllocationSagaData } from './allocation-saga';
import { onCompletionReply, pendingCompletionCommands, type CompletionOutcome, type CompletionSagaData } from './completion-saga';
import { onReleaseReply, pendingReleaseCommands, type ReleaseOutcome, type ReleaseSagaData } from './release-saga';
import type { SagaReply } from './saga-reply';
import type { SagaCommand, SagaReaction } from './saga-types';

/** The sagas work-orders runs, by the type stored on each saga instance. */
export type SagaRun =
  | { readonly type: 'allocation'; readonly data: AllocationSagaData }
  | { readonly type: 'release'; readonly data: ReleaseSagaData }
  | { readonly type: 'completion'; readonly data: CompletionSagaData };

export type SagaType = SagaRun['type'];

export const SAGA_TYPES: readonly SagaType[] = ['allocation', 'release', 'completion'];

export type SagaProgress =
  | { readonly type: 'allocation'; readonly reaction: SagaReaction<AllocationSagaData, AllocationOutcome> }
  | { readonly type: 'release'; readonly reaction: SagaReaction<ReleaseSagaData, ReleaseOutcome> }
  | { readonly type: 'completion'; readonly reaction: SagaReaction<CompletionSagaData, CompletionOutcome> };

/** Feeds a reply to the saga it belongs to. */
export function reactToReply(run: SagaRun, reply: SagaReply): SagaProgress {
  switch (run.type) {
    case 'allocation':
      return { type: run.type, reaction: onAllocationReply(run.data, reply) };
    case 'release':
      return { type: run.type, reaction: onReleaseReply(run.data, reply) };
    case 'completion':
      return { type: run.type, reaction: onCompletionReply(run.data, reply) };
    default: {
      const unknownRun: never = run;
      throw new Error(`unknown saga ${JSON.stringify(unknownRun)}`);
    }
  }
}

/** The commands of the current step still waiting for an answer: what a deadline re-sends. */
export function pendingCommands(run: SagaRun): SagaCommand[] {
  switch (run.type) {
    case 'allocation':
      return pendingAllocationCommands(run.data);
    case 'release':
      return pendingReleaseCommands(run.data);
    case 'completion':
      return pendingCompletionCommands(run.data);
    default: {
      const unknownRun: never = run;
      throw new Error(`unknown saga ${JSON.stringify(unknownRun)}`);
    }
  }
}
