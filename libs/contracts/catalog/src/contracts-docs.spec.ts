import { Parser } from '@asyncapi/parser';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildAsyncApiDocument } from './asyncapi-document';
import { incompatibilities, messageSchemaFiles } from './contract-files';
import { deadLetterAddress, messageDefinitions, ownedTopics } from './message-catalog';
import type { JsonSchema } from './message-json-schema';

const docs = join(__dirname, '../../../../docs');
const committedSchemas = () =>
  new Map<string, JsonSchema>(
    readdirSync(join(docs, 'schemas')).map((file) => [`schemas/${file}`, JSON.parse(readFileSync(join(docs, 'schemas', file), 'utf8')) as JsonSchema]),
  );

describe('the message contract documents', () => {
  it('cover every topic the producers name in their topics.ts, and each dead-letter twin', () => {
    const named = ['work-orders', 'inventory', 'picking', 'inbound'].flatMap((lib) =>
      [...readFileSync(join(__dirname, `../../${lib}/src/topics.ts`), 'utf8').matchAll(/:\s*'([a-z-]+\.[a-z.-]+)'/g)].map((match) => match[1]!),
    );
    expect(ownedTopics.map((topic) => topic.address).sort()).toEqual(named.sort());
    const addresses = Object.values(buildAsyncApiDocument()['channels'] as Record<string, { address: string }>).map((channel) => channel.address);
    expect(addresses.sort()).toEqual(named.flatMap((topic) => [topic, deadLetterAddress(topic)]).sort());
    // Every message type lives on a topic of the list.
    for (const definition of messageDefinitions) expect(named).toContain(definition.topic);
  });

  it('docs/asyncapi.yaml is valid AsyncAPI 3.0, its payloads resolved from docs/schemas', async () => {
    const source = join(docs, 'asyncapi.yaml');
    const { document, diagnostics } = await new Parser().parse(readFileSync(source, 'utf8'), { source });
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 0).map((diagnostic) => `${diagnostic.path.join('.')}: ${diagnostic.message}`)).toEqual(
      [],
    );
    expect(document).toBeDefined();
    expect(document!.version()).toBe('3.0.0');
    const created = document!
      .messages()
      .all()
      .find((message) => message.id() === 'work-orders.WorkOrderCreated.v1')!;
    expect(created.payload()?.properties()?.['payload']?.required()).toEqual(expect.arrayContaining(['workOrderId', 'number', 'name', 'outputs', 'materials']));
    expect(document!.channels().all()).toHaveLength(ownedTopics.length * 2);
  });

  it('are committed as generated (npm run contracts)', () => {
    expect(parse(readFileSync(join(docs, 'asyncapi.yaml'), 'utf8'))).toEqual(buildAsyncApiDocument());
    expect(committedSchemas()).toEqual(messageSchemaFiles());
  });

  it('change no published type and version incompatibly', () => {
    expect(incompatibilities(committedSchemas(), messageSchemaFiles())).toEqual([]);
  });
});
