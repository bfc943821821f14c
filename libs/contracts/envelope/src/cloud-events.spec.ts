import { z } from 'zod';
import { kafkaHeaders } from './cloud-events';
import { envelopeSchema } from './envelope';
import { defineMessage } from './message-definition';

describe('Kafka headers of a message', () => {
  it('carry the routing headers and the CloudEvents 1.0 binary-mode attributes', () => {
    const envelope = {
      id: 'm-1',
      type: 'work-orders.WorkOrderAllocated',
      version: 1,
      occurredAt: '2026-11-27T08:07:23.828Z',
      correlationId: 's-1',
      causationId: null,
      key: 'wo-1',
      payload: {},
    };
    expect(kafkaHeaders(envelope, 'work-orders')).toEqual({
      'message-id': 'm-1',
      'message-type': 'work-orders.WorkOrderAllocated',
      ce_specversion: '1.0',
      ce_id: 'm-1',
      ce_source: '/work-orders-platform/work-orders',
      ce_type: 'work-orders.WorkOrderAllocated',
      ce_time: '2026-11-27T08:07:23.828Z',
      ce_subject: 'wo-1',
      ce_dataschema: 'urn:work-orders-platform:schema:work-orders.WorkOrderAllocated:v1',
      'content-type': 'application/json',
    });
  });
});

describe('trace context of a message', () => {
  const Pinged = defineMessage({ type: 'test.Pinged', version: 1, topic: 'test.events', schema: z.object({ n: z.number() }) });
  const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

  it('comes from the message that caused it, with its id as the causation', () => {
    const cause = Pinged.create({ n: 1 }, { correlationId: 's-1', key: 'k' });
    const caused = Pinged.create({ n: 2 }, { correlationId: 's-1', cause: { ...cause, traceparent }, key: 'k' });
    expect(caused).toMatchObject({ causationId: cause.id, traceparent });
    expect(kafkaHeaders(caused, 'test')).toMatchObject({ traceparent });
  });

  it('is absent, in the envelope and the headers, when nothing traces', () => {
    const cause = Pinged.create({ n: 1 }, { correlationId: 's-1', key: 'k' });
    const caused = Pinged.create({ n: 2 }, { correlationId: 's-1', cause, key: 'k' });
    expect(caused).not.toHaveProperty('traceparent');
    expect(kafkaHeaders(caused, 'test')).not.toHaveProperty('traceparent');
    // Old messages, and those of producers that do not trace, stay valid envelopes.
    expect(envelopeSchema.safeParse(JSON.parse(JSON.stringify(caused))).success).toBe(true);
  });
});
