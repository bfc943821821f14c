import { defineMessage } from '@wo/contracts/envelope';
import { z } from 'zod';
import type { WorkOrderChange } from '../domain/work-order-lifecycle';
import { command, defineSaga, endEffect, endOf, ignored, pendingCommands, reactTo, reply, sagaCommand, startSaga, type SagaStep } from './saga-definition';
import { SAGA_REPLIES, SAGA_TYPES, sagaOfType } from './sagas';

// A two-step saga of its own, to pin the runner's rules apart from the three real ones.
const Book = defineMessage({ type: 'test.Book', version: 1, topic: 'test.commands', schema: z.object({ item: z.string() }) });
const Ship = defineMessage({ type: 'test.Ship', version: 1, topic: 'test.commands', schema: z.object({ item: z.string() }) });
const Unbook = defineMessage({ type: 'test.Unbook', version: 1, topic: 'test.commands', schema: z.object({ item: z.string() }) });
const Answered = defineMessage({ type: 'test.Answered', version: 1, topic: 'test.replies', schema: z.object({ item: z.string(), ok: z.boolean() }) });
const Unbooked = defineMessage({ type: 'test.Unbooked', version: 1, topic: 'test.replies', schema: z.object({ item: z.string() }) });

type Phase = 'booking' | 'unbooking' | 'shipping' | 'done' | 'undone';
interface TestData {
  sagaId: string;
  workOrderId: string;
  phase: Phase;
  items: { item: string; booked: boolean | null; shipped: boolean | null; unbooked: boolean }[];
}

const order = { id: 'wo', number: 'WO-1', merchantId: 'm', warehouseId: 'wh', priority: 2, status: 'DRAFT', inboundStatus: null };
const change = (history: string): WorkOrderChange => ({ event: { type: 'AllocationStarted' }, history: { event: history, detail: {} }, messages: [] });
const answer = (data: TestData, field: 'booked' | 'shipped', payload: { item: string; ok: boolean }) => {
  const target = data.items.find((candidate) => candidate.item === payload.item);
  if (!target || target[field] !== null) return ignored(`${payload.item} answered already`);
  return { ...data, items: data.items.map((candidate) => (candidate === target ? { ...candidate, [field]: payload.ok } : candidate)) };
};
const standing = (field: 'booked' | 'shipped') => (data: TestData) =>
  data.items.some((item) => item[field] === null) ? 'waiting' : data.items.every((item) => item[field]) ? 'succeeded' : 'failed';

const booking: SagaStep<TestData> = {
  step: 'book',
  phase: 'booking',
  invokeParticipant: (data) => data.items.filter((item) => item.booked === null).map(({ item }) => command(Book, { item }, item)),
  onReply: [reply(Answered, (data: TestData, payload) => answer(data, 'booked', payload))],
  standing: standing('booked'),
  withCompensation: {
    phase: 'unbooking',
    begin: (data) => data,
    invokeParticipant: (data) => data.items.filter((item) => item.booked && !item.unbooked).map(({ item }) => command(Unbook, { item }, item)),
    onReply: [
      reply(Unbooked, (data: TestData, payload) => ({
        ...data,
        items: data.items.map((item) => (item.item === payload.item ? { ...item, unbooked: true } : item)),
      })),
    ],
    done: (data) => data.items.every((item) => !item.booked || item.unbooked),
  },
};
const shipping: SagaStep<TestData> = {
  step: 'ship',
  phase: 'shipping',
  invokeParticipant: (data) => data.items.filter((item) => item.shipped === null).map(({ item }) => command(Ship, { item }, item)),
  onReply: [reply(Answered, (data: TestData, payload) => answer(data, 'shipped', payload))],
  standing: standing('shipped'),
};
const testSaga = defineSaga({
  type: 'test',
  data: { parse: (json: unknown) => json as TestData },
  start: (sagaId: string, _order: unknown, items: string[]): TestData => ({
    sagaId,
    workOrderId: 'wo',
    phase: 'booking',
    items: items.map((item) => ({ item, booked: null, shipped: null, unbooked: false })),
  }),
  started: () => change('started'),
  steps: [booking, shipping],
  succeeded: { phase: 'done', metric: 'done', outcome: () => 'shipped', effect: () => change('shipped') },
  compensated: { phase: 'undone', metric: 'undone', outcome: () => 'undone', effect: () => change('undone') },
});

const ok = (item: string) => ({ type: Answered.type, payload: { item, ok: true } });
const refused = (item: string) => ({ type: Answered.type, payload: { item, ok: false } });
const advance = (data: TestData, message: { type: string; payload: unknown }) => {
  const reaction = reactTo(testSaga, data, message);
  if (reaction.kind !== 'advanced') throw new Error(`ignored: ${reaction.reason}`);
  return reaction;
};

describe('saga engine', () => {
  it('enters the first step at the start, with its commands', () => {
    const started = startSaga(testSaga, 's', order, ['a', 'b']);
    expect(started.data.phase).toBe('booking');
    expect(started.entered).toEqual({ step: 'book', compensation: false });
    expect(started.commands.map((sent) => [sent.definition.type, sent.payload])).toEqual([
      [Book.type, { item: 'a' }],
      [Book.type, { item: 'b' }],
    ]);
  });

  it('moves to the next step once a step succeeded, and ends succeeded after the last', () => {
    const first = advance(startSaga(testSaga, 's', order, ['a']).data, ok('a'));
    expect(first).toMatchObject({ data: { phase: 'shipping' }, entered: { step: 'ship', compensation: false }, outcome: null });
    expect(first.commands.map((sent) => sent.definition.type)).toEqual([Ship.type]);
    const done = advance(first.data, ok('a'));
    expect(done).toMatchObject({ data: { phase: 'done' }, commands: [], outcome: 'shipped' });
    expect(endEffect(testSaga, done.data, done.outcome, order).history.event).toBe('shipped');
  });

  it('compensates the failing step and the earlier ones, latest first, then ends compensated', () => {
    const booked = advance(startSaga(testSaga, 's', order, ['a']).data, ok('a'));
    const failed = advance(booked.data, refused('a'));
    expect(failed).toMatchObject({ data: { phase: 'unbooking' }, entered: { step: 'book', compensation: true }, outcome: null });
    expect(failed.commands.map((sent) => [sent.definition.type, sent.payload])).toEqual([[Unbook.type, { item: 'a' }]]);
    expect(pendingCommands(testSaga, failed.data).map((sent) => sent.definition.type)).toEqual([Unbook.type]);
    const undone = advance(failed.data, { type: Unbooked.type, payload: { item: 'a' } });
    expect(undone).toMatchObject({ data: { phase: 'undone' }, outcome: 'undone' });
    expect(endOf(testSaga, undone.data.phase)?.metric).toBe('undone');
  });

  it('skips a compensation with nothing to undo', () => {
    const failed = advance(startSaga(testSaga, 's', order, ['a']).data, refused('a'));
    expect(failed).toMatchObject({ data: { phase: 'undone' }, commands: [], entered: null, outcome: 'undone' });
  });

  it('ends at once when the first step has nothing to ask', () => {
    expect(startSaga(testSaga, 's', order, [])).toMatchObject({ data: { phase: 'done' }, commands: [], outcome: 'shipped' });
  });

  it('ignores what the current step does not expect, and everything once ended', () => {
    const started = startSaga(testSaga, 's', order, ['a']);
    expect(reactTo(testSaga, started.data, { type: Unbooked.type, payload: { item: 'a' } })).toEqual({
      kind: 'ignored',
      reason: 'the test saga does not expect test.Unbooked while booking',
    });
    expect(reactTo(testSaga, { ...started.data, phase: 'done' }, ok('a'))).toEqual({ kind: 'ignored', reason: 'the test saga has ended (done)' });
    expect(pendingCommands(testSaga, { ...started.data, phase: 'done' })).toEqual([]);
    expect(() => endEffect(testSaga, started.data, null, order)).toThrow('has not ended');
  });

  it('refuses a table that uses one phase twice', () => {
    expect(() => defineSaga({ ...testSaga, steps: [booking, { ...shipping, phase: 'booking' }] })).toThrow('phase booking is used twice');
  });

  it('builds every command with the saga as correlation and the reply that caused it', () => {
    const cause = Answered.create({ item: 'a', ok: true }, { correlationId: 's', key: 's' });
    const sent = sagaCommand(command(Ship, { item: 'a' }, 'key-a'), { sagaId: 's' }, cause);
    expect(sent.topic).toBe('test.commands');
    expect(sent.envelope).toMatchObject({ type: Ship.type, correlationId: 's', causationId: cause.id, key: 'key-a', payload: { item: 'a' } });
    expect(sagaCommand(command(Ship, { item: 'a' }, 'key-a'), { sagaId: 's' }, null).envelope.causationId).toBeNull();
  });
});

describe('saga registry', () => {
  it('knows every saga by its type, and subscribes to every reply one of them expects', () => {
    expect(SAGA_TYPES).toEqual(['allocation', 'release', 'completion']);
    expect(sagaOfType('release').type).toBe('release');
    expect(() => sagaOfType('nope')).toThrow('no saga of type nope');
    expect(SAGA_REPLIES.map((definition) => definition.type).sort()).toEqual([
      'inbound.FinishedGoodsInboundCreated',
      'inventory.ReservationConsumed',
      'inventory.StockReleased',
      'inventory.StockReservationRejected',
      'inventory.StockReserved',
    ]);
  });
});
