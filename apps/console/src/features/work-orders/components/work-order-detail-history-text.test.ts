import { describe, expect, it } from 'vitest';
import { historyActorText, humanizeEvent, summarizeHistoryDetail } from './work-order-detail-history-text';

const at = '2026-12-01T08:00:00.000Z';

describe('history in words', () => {
  it('says who took the action, by name (or subject), and nothing for the system’s own steps', () => {
    expect(historyActorText({ at, event: 'confirmed', detail: { sagaId: 's', actor: { subject: 'planner', name: 'Pia Planner' } } })).toBe('by Pia Planner');
    expect(historyActorText({ at, event: 'confirmed', detail: { actor: { subject: 'planner', name: '' } } })).toBe('by planner');
    expect(historyActorText({ at, event: 'allocated', detail: { sagaId: 's' } })).toBeNull();
    expect(summarizeHistoryDetail({ at, event: 'edited', detail: { fields: ['name'], actor: { subject: 'p', name: 'P' } } })).toBe('Changed name.');
  });

  it('names known events in the guide’s words and humanizes unknown ones', () => {
    expect(humanizeEvent('outOfStock')).toBe('Out of Stock');
    expect(humanizeEvent('pickingListRequested')).toBe('Picking list requested');
    expect(humanizeEvent('somethingNewHappened')).toBe('Something new happened');
    expect(humanizeEvent('stock_counted')).toBe('Stock counted');
  });

  it('summarizes shortages, pickers, edits and BOMs', () => {
    expect(summarizeHistoryDetail({ event: 'outOfStock', detail: { sagaId: 's', shortages: [{ sku: 'CHOC-BAR', requested: 10, available: 4 }] }, at })).toBe(
      'CHOC-BAR short by 6 (10 requested, 4 available).',
    );
    expect(summarizeHistoryDetail({ event: 'pickingStarted', detail: { listId: 'l', picker: 'Pat' }, at })).toBe('Picked by Pat.');
    expect(summarizeHistoryDetail({ event: 'edited', detail: { fields: ['name', 'scheduledAt'] }, at })).toBe('Changed name, scheduled at.');
    expect(summarizeHistoryDetail({ event: 'created', detail: { bomId: 'b', sets: 3 }, at })).toBe('From a BOM, 3 sets.');
    expect(summarizeHistoryDetail({ event: 'created', detail: {}, at })).toBeNull();
    expect(summarizeHistoryDetail({ event: 'canceled', detail: { sagaId: 's', released: true }, at })).toBe('Reserved materials released back to inventory.');
  });

  it('says an automatic retry was the system’s, and what stock triggered it', () => {
    const entry = {
      at,
      event: 'allocationRetriedAutomatically',
      detail: { sagaId: 's', actor: { subject: 'system', name: 'Automatic re-allocation' }, trigger: { sku: 'CHOC-BAR', cause: 'adjustment' } },
    };
    expect(humanizeEvent(entry.event)).toBe('Allocation retried automatically');
    expect(summarizeHistoryDetail(entry)).toBe('CHOC-BAR was restocked: its turn in the queue came.');
    expect(historyActorText(entry)).toBe('by Automatic re-allocation');
  });

  it('says why a putaway was refused and that the goods are to be put away elsewhere', () => {
    const entry = {
      at,
      event: 'inboundPutawayRefused',
      detail: { inboundOrderId: 'i', status: 'RECEIVED', sku: 'GIFT-BOX', locationCode: 'FG-01', quantity: 5, field: 'quantity', reason: 'at most 4 more fit' },
    };
    expect(humanizeEvent(entry.event)).toBe('Putaway refused');
    expect(summarizeHistoryDetail(entry)).toBe('5 GIFT-BOX could not go to FG-01: at most 4 more fit. To be put away elsewhere.');
  });

  it('leaves ids out of unknown events’ details', () => {
    expect(summarizeHistoryDetail({ event: 'somethingNew', detail: { sagaId: 's', listId: 'l', count: 3 }, at })).toBe('Count: 3.');
    expect(summarizeHistoryDetail({ event: 'somethingNew', detail: { sagaId: 's' }, at })).toBeNull();
  });
});
