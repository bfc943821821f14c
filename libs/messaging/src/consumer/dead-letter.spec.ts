import type { KafkaMessage } from 'kafkajs';
import { readDeadLetter, REPLAYED_FROM_HEADER, replayHeaders } from './dead-letter';

describe('dead letters', () => {
  const message: KafkaMessage = {
    key: Buffer.from('w1:NUT'),
    value: Buffer.from('{"this is": not json'),
    timestamp: '1764590400000',
    attributes: 0,
    offset: '7',
    headers: {
      'message-type': Buffer.from('inventory.ReserveStock'),
      traceparent: Buffer.from('00-abc-def-01'),
      'dead-letter-reason': Buffer.from('unparseable'),
      'dead-letter-detail': Buffer.from('unparseable: Unexpected token'),
      'dead-letter-source': Buffer.from('p.inventory.stock-commands/2/41'),
      'dead-letter-group': Buffer.from('p.inventory'),
    },
  };

  it('reads why and where a message died apart from its own headers', () => {
    expect(readDeadLetter(message)).toEqual({
      reason: 'unparseable',
      detail: 'unparseable: Unexpected token',
      source: 'p.inventory.stock-commands/2/41',
      consumerGroup: 'p.inventory',
      key: Buffer.from('w1:NUT'),
      value: Buffer.from('{"this is": not json'),
      headers: { 'message-type': 'inventory.ReserveStock', traceparent: '00-abc-def-01' },
      messageType: 'inventory.ReserveStock',
      deadLetteredAt: new Date(1764590400000),
    });
  });

  it('replays with the original headers, no dead-letter header and one replay marker', () => {
    const headers = replayHeaders({ traceparent: 't', 'dead-letter-reason': 'unparseable', [REPLAYED_FROM_HEADER]: 'older' }, 'd1');
    expect(headers).toEqual({ traceparent: 't', [REPLAYED_FROM_HEADER]: 'd1' });
  });
});
