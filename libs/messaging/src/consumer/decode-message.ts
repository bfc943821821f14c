import { envelopeSchema, readPayload, type Envelope } from '@wo/contracts/envelope';
import { handledDefinition } from './on-message.decorator';
import { PoisonMessage } from './poison-message';

/**
 * Turns raw bytes into a validated envelope of the current version of its type (older versions
 * upcast first), or says exactly why they can never be one.
 */
export function decodeMessage(raw: Buffer | null): Envelope {
  let json: unknown;
  try {
    json = JSON.parse(raw?.toString('utf8') ?? '');
  } catch (error) {
    throw new PoisonMessage('unparseable', (error as Error).message);
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) throw new PoisonMessage('invalid-envelope', envelope.error.message);

  const definition = handledDefinition(envelope.data.type);
  if (!definition) throw new PoisonMessage('unknown-type', envelope.data.type);
  // Every version the definition accepts arrives as its current one: handlers know only that.
  const payload = readPayload(definition, envelope.data.version, envelope.data.payload);
  if (!payload.ok) throw new PoisonMessage('invalid-payload', payload.detail);
  return { ...envelope.data, version: definition.version, payload: payload.payload } as Envelope;
}
