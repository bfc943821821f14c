import type { Envelope } from '@wo/contracts/envelope';
import { RunCoalescer } from './run-coalescer';

const envelope = (id: string) => ({ id }) as Envelope;

describe('RunCoalescer', () => {
  it('joins the runs submitted in one turn of the event loop into one call, each run in its order', async () => {
    const coalescer = new RunCoalescer();
    const calls: string[][] = [];
    const apply = async (envelopes: Envelope[]) => {
      calls.push(envelopes.map((e) => e.id));
    };
    const outcomes = await Promise.all([
      coalescer.submit('batch:replies', [envelope('a1'), envelope('a2')], apply),
      coalescer.submit('batch:replies', [envelope('b1')], apply),
    ]);
    expect(calls).toEqual([['a1', 'a2', 'b1']]);
    expect(outcomes).toEqual([{ joined: 2 }, { joined: 2 }]);
  });

  it('keeps handlers apart, and runs submitted after the call started go in the next call', async () => {
    const coalescer = new RunCoalescer();
    const calls: string[][] = [];
    const apply = async (envelopes: Envelope[]) => {
      calls.push(envelopes.map((e) => e.id));
    };
    const first = coalescer.submit('batch:replies', [envelope('a1')], apply);
    const other = coalescer.submit('batch:events', [envelope('e1')], apply);
    await first;
    await coalescer.submit('batch:replies', [envelope('a2')], apply);
    await other;
    expect(calls).toEqual([['a1'], ['e1'], ['a2']]);
  });

  it('gives every caller the failure of the joined call', async () => {
    const coalescer = new RunCoalescer();
    const failing = async () => {
      throw new Error('deadlock detected');
    };
    const results = await Promise.allSettled([
      coalescer.submit('batch:replies', [envelope('a1')], failing),
      coalescer.submit('batch:replies', [envelope('b1')], failing),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason).toEqual(new Error('deadlock detected'));
  });
});
