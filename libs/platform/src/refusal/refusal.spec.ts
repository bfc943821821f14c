import { isRefusal, refusableTransaction, refuse } from './refusal';

/** A stand-in database whose transaction records whether it committed. */
function recordingDatabase() {
  const outcomes: string[] = [];
  return {
    outcomes,
    async $transaction<R>(work: (tx: string) => Promise<R>): Promise<R> {
      try {
        const result = await work('tx');
        outcomes.push('committed');
        return result;
      } catch (error) {
        outcomes.push('rolled back');
        throw error;
      }
    },
  };
}

describe('refusals', () => {
  it('are told apart from any answer, even one that looks like a refusal', () => {
    expect(isRefusal(refuse.notFound('Picking list', 'x'))).toBe(true);
    expect(isRefusal({ kind: 'notFound', what: 'Picking list', id: 'x' })).toBe(false);
    expect(isRefusal(null)).toBe(false);
    expect(isRefusal('notFound')).toBe(false);
  });

  it('roll back the transaction that returns them, and come back as values', async () => {
    const db = recordingDatabase();
    const refusal = refuse.conflict('not now', { listStatus: 'DONE' });
    await expect(refusableTransaction(db, async () => refusal)).resolves.toBe(refusal);
    await expect(refusableTransaction(db, async (tx) => `answer in ${tx}`)).resolves.toBe('answer in tx');
    expect(db.outcomes).toEqual(['rolled back', 'committed']);
  });

  it('leave faults as exceptions', async () => {
    const db = recordingDatabase();
    await expect(
      refusableTransaction(db, async () => {
        throw new Error('connection lost');
      }),
    ).rejects.toThrow('connection lost');
  });
});
