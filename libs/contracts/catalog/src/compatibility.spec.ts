import { z } from 'zod';
import { defineMessage } from '@wo/contracts/envelope';
import { incompatibilities } from './contract-files';
import { messageJsonSchema, schemaFileName, type JsonSchema } from './message-json-schema';

/** The files a definition would be published as, as `npm run contracts` writes them. */
const files = (...versions: { version: number; schema: z.ZodType }[]) =>
  new Map<string, JsonSchema>(
    versions.map(({ version, schema }) => {
      const definition = defineMessage({ type: 'test.ThingShipped', version, topic: 'test.events', schema });
      return [`schemas/${schemaFileName(definition.type, version)}`, messageJsonSchema({ definition, version, payload: schema })];
    }),
  );

const v1 = z.object({ thingId: z.string(), quantity: z.number().int(), lines: z.array(z.object({ sku: z.string() })), mode: z.enum(['air', 'sea']) });

describe('compatibility of a published message version', () => {
  const published = files({ version: 1, schema: v1 });

  it('allows the same shape, and a field added as optional', () => {
    expect(incompatibilities(published, files({ version: 1, schema: v1 }))).toEqual([]);
    expect(incompatibilities(published, files({ version: 1, schema: v1.extend({ note: z.string().optional() }) }))).toEqual([]);
  });

  it('refuses a removed field, a retyped one, a narrowed enum and a new required field', () => {
    expect(incompatibilities(published, files({ version: 1, schema: v1.omit({ quantity: true }) }))).toEqual([
      'schemas/test.ThingShipped.v1.json: $.payload.quantity: removed',
    ]);
    expect(incompatibilities(published, files({ version: 1, schema: v1.extend({ quantity: z.string() }) }))).toEqual([
      'schemas/test.ThingShipped.v1.json: $.payload.quantity: type integer became string',
    ]);
    expect(incompatibilities(published, files({ version: 1, schema: v1.extend({ lines: z.array(z.object({ sku: z.number() })) }) }))).toEqual([
      'schemas/test.ThingShipped.v1.json: $.payload.lines[].sku: type string became number',
    ]);
    expect(incompatibilities(published, files({ version: 1, schema: v1.extend({ mode: z.enum(['air']) }) }))).toHaveLength(1);
    expect(incompatibilities(published, files({ version: 1, schema: v1.extend({ carrier: z.string() }) }))).toEqual([
      'schemas/test.ThingShipped.v1.json: $.payload.carrier: newly required',
    ]);
  });

  it('refuses a published version that disappears, and lets a new version change anything', () => {
    expect(incompatibilities(published, files({ version: 2, schema: v1.omit({ quantity: true }) }))).toEqual([
      expect.stringMatching(/^schemas\/test\.ThingShipped\.v1\.json: removed/),
    ]);
    expect(incompatibilities(published, files({ version: 1, schema: v1 }, { version: 2, schema: z.object({ thingId: z.number() }) }))).toEqual([]);
  });
});
