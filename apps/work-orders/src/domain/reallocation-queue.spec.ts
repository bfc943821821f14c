import { decideQueue, inTurn, placesInQueue, queueAfter, type QueueState, type WaitingOrder } from './reallocation-queue';

const day = (date: string) => new Date(`${date}T00:00:00.000Z`);
const order = (id: string, priority: number, overrides: Partial<WaitingOrder> = {}): WaitingOrder => ({
  id,
  priority,
  scheduledAt: null,
  createdAt: day('2026-12-01'),
  inFlight: false,
  ...overrides,
});
const idle: QueueState = { waitingFor: null, stockArrived: false };
const waitingOn = (id: string, stockArrived = false): QueueState => ({ waitingFor: id, stockArrived });

describe('the re-allocation queue', () => {
  describe('turn', () => {
    it('is priority first, then the earlier Scheduled At (none last), then the older order', () => {
      const orders = [
        order('low', 1),
        order('normal-unscheduled', 2),
        order('normal-later', 2, { scheduledAt: day('2026-12-20') }),
        order('normal-sooner-newer', 2, { scheduledAt: day('2026-12-10'), createdAt: day('2026-12-02') }),
        order('normal-sooner-older', 2, { scheduledAt: day('2026-12-10'), createdAt: day('2026-11-30') }),
        order('urgent', 4, { scheduledAt: day('2027-01-31') }),
        order('high', 3),
      ];
      expect(inTurn(orders).map(({ id }) => id)).toEqual([
        'urgent',
        'high',
        'normal-sooner-older',
        'normal-sooner-newer',
        'normal-later',
        'normal-unscheduled',
        'low',
      ]);
    });

    it('gives each order its place and how many wait', () => {
      const places = placesInQueue([order('b', 2), order('a', 4), order('c', 1)]);
      expect(places.get('a')).toEqual({ place: 1, waiting: 3 });
      expect(places.get('c')).toEqual({ place: 3, waiting: 3 });
    });
  });

  describe('when stock arrives', () => {
    it('retries the first in line only, not everyone', () => {
      expect(decideQueue(idle, { kind: 'stockAvailable' }, [order('normal', 2), order('urgent', 4), order('low', 1)])).toEqual({
        kind: 'retry',
        workOrderId: 'urgent',
      });
    });

    it('does nothing when no one waits', () => {
      expect(decideQueue(idle, { kind: 'stockAvailable' }, [])).toMatchObject({ kind: 'idle' });
    });

    it('keeps waiting on the allocation it started, remembering that more stock came', () => {
      expect(decideQueue(waitingOn('urgent'), { kind: 'stockAvailable' }, [order('urgent', 4, { inFlight: true }), order('low', 1)])).toEqual({
        kind: 'wait',
        on: 'urgent',
        stockArrived: true,
      });
    });

    it('does not count the stock the awaited allocation gives back while it compensates as new', () => {
      expect(decideQueue(waitingOn('urgent'), { kind: 'stockAvailable', releasedFor: 'urgent' }, [])).toEqual({
        kind: 'wait',
        on: 'urgent',
        stockArrived: false,
      });
    });

    it('waits on a higher order being allocated by someone else rather than give the stock to a lower one', () => {
      expect(decideQueue(idle, { kind: 'stockAvailable' }, [order('low', 1), order('urgent', 4, { inFlight: true })])).toEqual({
        kind: 'wait',
        on: 'urgent',
        stockArrived: true,
      });
    });
  });

  describe('when the awaited allocation settles', () => {
    it('hands on to the next in line once the first is allocated', () => {
      // The allocated order is no longer Out of Stock: it has left the queue.
      expect(
        decideQueue(waitingOn('urgent'), { kind: 'allocationSettled', workOrderId: 'urgent', outcome: 'allocated' }, [order('low', 1), order('normal', 2)]),
      ).toEqual({
        kind: 'retry',
        workOrderId: 'normal',
      });
    });

    it('the choice: when the first in line still needs more than is available, the queue waits for more stock; smaller orders behind it do not go first', () => {
      const waiting = [order('urgent-needs-more', 4), order('low-would-fit', 1)];
      const decision = decideQueue(
        waitingOn('urgent-needs-more'),
        { kind: 'allocationSettled', workOrderId: 'urgent-needs-more', outcome: 'outOfStock' },
        waiting,
      );
      expect(decision).toMatchObject({ kind: 'idle' });
      expect(queueAfter(waitingOn('urgent-needs-more'), decision)).toEqual(idle);
    });

    it('tries the first in line again if stock arrived while it was being tried', () => {
      const waiting = [order('urgent', 4), order('low', 1)];
      expect(decideQueue(waitingOn('urgent', true), { kind: 'allocationSettled', workOrderId: 'urgent', outcome: 'outOfStock' }, waiting)).toEqual({
        kind: 'retry',
        workOrderId: 'urgent',
      });
    });

    it('moves on when the order failed only for another SKU (it left this queue: it took this SKU in full)', () => {
      expect(decideQueue(waitingOn('urgent'), { kind: 'allocationSettled', workOrderId: 'urgent', outcome: 'outOfStock' }, [order('low', 1)])).toEqual({
        kind: 'retry',
        workOrderId: 'low',
      });
    });

    it('ignores an allocation it does not wait on, explicitly', () => {
      expect(decideQueue(waitingOn('a'), { kind: 'allocationSettled', workOrderId: 'b', outcome: 'allocated' }, [order('c', 1)])).toMatchObject({
        kind: 'ignored',
      });
      expect(decideQueue(idle, { kind: 'allocationSettled', workOrderId: 'b', outcome: 'allocated' }, [order('c', 1)])).toMatchObject({ kind: 'ignored' });
    });

    it('goes idle when no one waits any more', () => {
      expect(decideQueue(waitingOn('a'), { kind: 'allocationSettled', workOrderId: 'a', outcome: 'allocated' }, [])).toMatchObject({ kind: 'idle' });
    });
  });

  it('records what it waits on after each decision', () => {
    expect(queueAfter(idle, { kind: 'retry', workOrderId: 'a' })).toEqual({ waitingFor: 'a', stockArrived: false });
    expect(queueAfter(idle, { kind: 'wait', on: 'b', stockArrived: true })).toEqual({ waitingFor: 'b', stockArrived: true });
    expect(queueAfter(waitingOn('a', true), { kind: 'ignored', reason: 'x' })).toEqual(waitingOn('a', true));
  });
});
