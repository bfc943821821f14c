import { EventPattern } from '@nestjs/microservices';
import type { MessageDefinition } from '@wo/contracts/envelope';
import type { z } from 'zod';

/** Message types some handler in this process declared, so the consumer can validate payloads. */
const handledDefinitions = new Map<string, MessageDefinition<string, z.ZodType>>();

export function handledDefinition(type: string): MessageDefinition<string, z.ZodType> | undefined {
  return handledDefinitions.get(type);
}

/**
 * Marks a controller method as the handler of one message type. The consumer validates the
 * envelope and payload against the contract before the method runs; a message that fails goes
 * to the dead-letter topic instead.
 */
export function OnMessage(definition: MessageDefinition<string, z.ZodType>): MethodDecorator {
  handledDefinitions.set(definition.type, definition);
  return EventPattern(definition.type);
}

/** Batch handler pattern of each message type handled in batches. */
const batchPatterns = new Map<string, string>();

export function batchPatternFor(type: string): string | undefined {
  return batchPatterns.get(type);
}

/**
 * Marks a controller method as the handler of runs of consecutive messages of these types,
 * delivered together as an array so it can apply them in one database transaction: the runs that
 * the partitions of one fetch have for it (at most `maxBatchSize` each), each partition's messages
 * in their order. A failing array is retried one message at a time, so one bad message cannot hold
 * back the others.
 */
export function OnMessages(name: string, definitions: readonly MessageDefinition<string, z.ZodType>[]): MethodDecorator {
  const pattern = `batch:${name}`;
  for (const definition of definitions) {
    handledDefinitions.set(definition.type, definition);
    batchPatterns.set(definition.type, pattern);
  }
  return EventPattern(pattern);
}
