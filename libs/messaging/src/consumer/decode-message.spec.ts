import { defineMessage, upcastFrom } from '@wo/contracts/envelope';
import { z } from 'zod';
import { decodeMessage } from './decode-message';
import { OnMessage } from './on-message.decorator';
import { PoisonMessage } from './poison-message';

const Renamed = defineMessage({
  type: 'test.ItemRenamed',
  version: 2,
  topic: 'test.events',
  schema: z.object({ itemId: z.string(), name: z.object({ text: z.string() }) }),
  upcasters: [upcastFrom(1, z.object({ itemId: z.string(), name: z.string() }), ({ itemId, name }) => ({ itemId, name: { text: name } }))],
});
OnMessage(Renamed);

const bytes = (version: number, payload: unknown) =>
  Buffer.from(
    JSON.stringify({
      id: 'm-1',
      type: 'test.ItemRenamed',
      version,
      occurredAt: '2026-01-01T00:00:00.000Z',
      correlationId: 'c-1',
      causationId: null,
      key: 'i-1',
      payload,
    }),
  );

describe('decoding a message of a type with several versions', () => {
  it('hands the handler the current version, upcasting an older one before validation', () => {
    expect(decodeMessage(bytes(1, { itemId: 'i-1', name: 'Box' }))).toMatchObject({ version: 2, payload: { itemId: 'i-1', name: { text: 'Box' } } });
    expect(decodeMessage(bytes(2, { itemId: 'i-1', name: { text: 'Box' } }))).toMatchObject({ version: 2, payload: { itemId: 'i-1', name: { text: 'Box' } } });
  });

  it('still finds a version it does not know, or an old payload that is not what it claims, poison', () => {
    for (const [version, payload] of [
      [3, { itemId: 'i-1', name: { text: 'Box' } }],
      [1, { itemId: 'i-1', name: { text: 'Box' } }],
    ] as const) {
      const error = (() => {
        try {
          decodeMessage(bytes(version, payload));
        } catch (caught) {
          return caught;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(PoisonMessage);
      expect((error as PoisonMessage).reason).toBe('invalid-payload');
    }
  });
});
