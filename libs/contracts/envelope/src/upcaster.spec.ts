import { z } from 'zod';
import { defineMessage } from './message-definition';
import { readPayload, upcastFrom } from './upcaster';

/** A type at v3 whose v1 named the quantity `qty` and whose v2 had no unit. */
const v1 = z.object({ sku: z.string(), qty: z.number().int() });
const v2 = z.object({ sku: z.string(), quantity: z.number().int() });
const Counted = defineMessage({
  type: 'test.StockCounted',
  version: 3,
  topic: 'test.events',
  schema: z.object({ sku: z.string(), quantity: z.number().int(), unit: z.enum(['piece', 'box']) }),
  upcasters: [upcastFrom(2, v2, (payload) => ({ ...payload, unit: 'piece' })), upcastFrom(1, v1, ({ sku, qty }) => ({ sku, quantity: qty }))],
});

describe('reading older versions of a message type', () => {
  it('reads the current version as it is', () => {
    expect(readPayload(Counted, 3, { sku: 'BOX', quantity: 2, unit: 'box' })).toEqual({ ok: true, payload: { sku: 'BOX', quantity: 2, unit: 'box' } });
  });

  it('upcasts each older version, one step at a time, to the current one', () => {
    expect(readPayload(Counted, 2, { sku: 'BOX', quantity: 2 })).toEqual({ ok: true, payload: { sku: 'BOX', quantity: 2, unit: 'piece' } });
    expect(readPayload(Counted, 1, { sku: 'BOX', qty: 2 })).toEqual({ ok: true, payload: { sku: 'BOX', quantity: 2, unit: 'piece' } });
  });

  it('checks an old message against its own version, and refuses versions it does not know', () => {
    expect(readPayload(Counted, 1, { sku: 'BOX', quantity: 2 })).toMatchObject({ ok: false, detail: expect.stringMatching(/^as v1: /) });
    expect(readPayload(Counted, 4, { sku: 'BOX', quantity: 2, unit: 'box' })).toEqual({
      ok: false,
      detail: 'test.StockCounted v4 is not supported (v1, v2, v3 are)',
    });
    expect(readPayload(Counted, 3, { sku: 'BOX', quantity: 2 })).toMatchObject({ ok: false });
  });

  it('refuses a definition whose upcasters skip a version', () => {
    expect(() => defineMessage({ type: 'test.Gap', version: 3, topic: 't', schema: v2, upcasters: [upcastFrom(1, v1, (payload) => payload)] })).toThrow(
      'test.Gap: no upcaster from v2',
    );
  });

  it('creates envelopes of the current version only', () => {
    expect(Counted.create({ sku: 'BOX', quantity: 1, unit: 'box' }, { correlationId: 'c', key: 'BOX' }).version).toBe(3);
    expect(Counted.upcasters.map((upcaster) => upcaster.fromVersion)).toEqual([1, 2]);
  });
});
