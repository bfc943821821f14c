import type { MessageDefinition, PayloadOf } from '@wo/contracts/envelope';
import type { z } from 'zod';

/** A command a saga wants sent. The saga stays pure: the runner adds ids, time and correlation. */
export interface SagaCommand<TDefinition extends MessageDefinition<string, z.ZodType> = MessageDefinition<string, z.ZodType>> {
  readonly definition: TDefinition;
  readonly payload: PayloadOf<TDefinition>;
  readonly key: string;
}

export function command<TDefinition extends MessageDefinition<string, z.ZodType>>(
  definition: TDefinition,
  payload: PayloadOf<TDefinition>,
  key: string,
): SagaCommand {
  return { definition, payload, key } as SagaCommand;
}

/** The saga moved: its new data, the commands to send, and whether it has finished. */
export interface SagaAdvanced<TData, TOutcome> {
  readonly kind: 'advanced';
  readonly data: TData;
  readonly commands: readonly SagaCommand[];
  readonly outcome: TOutcome | null;
}

/** A late or duplicate reply: recorded as ignored, never a silent no-op. */
export interface SagaIgnored {
  readonly kind: 'ignored';
  readonly reason: string;
}

export type SagaReaction<TData, TOutcome> = SagaAdvanced<TData, TOutcome> | SagaIgnored;

export function ignored(reason: string): SagaIgnored {
  return { kind: 'ignored', reason };
}
