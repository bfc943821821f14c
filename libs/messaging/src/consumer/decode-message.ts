import { envelopeSchema, type Envelope } from '@wo/contracts/envelope';
import { handledDefinition } from './on-message.decorator';
import { PoisonMessage } from './poison-message';

/** Turns raw bytes into a validated envelope, or says exactly why they can never be one. */
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
  if (definition.version !== envelope.data.version) {
    throw new PoisonMessage('invalid-payload', `${envelope.data.type} v${envelope.data.version} is not supported (v${definition.version} is)`);
  }
  const payload = definition.schema.safeParse(envelope.data.payload);
  if (!payload.success) throw new PoisonMessage('invalid-payload', payload.error.message);
  return { ...envelope.data, payload: payload.data } as Envelope;
}
