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
