import { kafkaHeaders } from './cloud-events';

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
