import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';

/** A message of the channel as the AsyncAPI document names it, with its JSON Schema validator. */
export interface PublishedMessage {
  readonly type: string;
  readonly schemaId: string;
  readonly validate: ValidateFunction;
}

interface AsyncApi {
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
  components: { messages: Record<string, { name: string; payload: { $ref: string } }> };
}

/**
 * Reads what a channel carries from the published AsyncAPI document alone: its messages and, by
 * their `$ref`s, the JSON Schemas that validate them. Nothing of the producer's code is used.
 */
export function loadChannel(asyncApiFile: string, address: string): PublishedMessage[] {
  const document = parse(readFileSync(asyncApiFile, 'utf8')) as AsyncApi;
  const channel = Object.values(document.channels).find((candidate) => candidate.address === address);
  if (!channel) throw new Error(`${asyncApiFile} has no channel ${address}`);
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  return Object.values(channel.messages).map(({ $ref }) => {
    const message = document.components.messages[$ref.replace('#/components/messages/', '')]!;
    const schema = JSON.parse(readFileSync(join(dirname(asyncApiFile), message.payload.$ref), 'utf8')) as { $id: string };
    return { type: message.name, schemaId: schema.$id, validate: ajv.compile(schema) };
  });
}
