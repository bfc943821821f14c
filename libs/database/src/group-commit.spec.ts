import { GroupCommit } from './group-commit';

/** A batch runner that records each batch and answers after a tick, as a transaction would. */
function recordingRunner(fail: (request: number) => boolean = () => false) {
  const batches: number[][] = [];
  const run = async (requests: readonly number[]) => {
    batches.push([...requests]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (requests.some(fail)) throw new Error(`batch ${requests.join(',')} failed`);
    return requests.map((request) => request * 10);
  };
  return { batches, run };
}

describe('group commit', () => {
  it('sends a request that finds nothing in flight at once, alone', async () => {
    const { batches, run } = recordingRunner();
    await expect(new GroupCommit(run).submit(1)).resolves.toBe(10);
    expect(batches).toEqual([[1]]);
  });

  it('gathers what arrives while a batch is in flight into the next one, answering each in turn', async () => {
    const { batches, run } = recordingRunner();
    const group = new GroupCommit(run);
    const answers = await Promise.all([1, 2, 3, 4, 5].map((request) => group.submit(request)));
    expect(answers).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1], [2, 3, 4, 5]]);
  });

  it('keeps batches within the largest size', async () => {
    const { batches, run } = recordingRunner();
    const group = new GroupCommit(run, { maxBatch: 2 });
    await Promise.all([1, 2, 3, 4, 5].map((request) => group.submit(request)));
    expect(batches).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('fails only the request at fault: the others of its batch go again alone and succeed', async () => {
    const { batches, run } = recordingRunner((request) => request === 3);
    const group = new GroupCommit(run);
    const settled = await Promise.allSettled([1, 2, 3, 4].map((request) => group.submit(request)));
    expect(settled.map((result) => (result.status === 'fulfilled' ? result.value : 'failed'))).toEqual([10, 20, 'failed', 40]);
    expect(batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });

  it('goes on after a failure: later requests are served', async () => {
    const { run } = recordingRunner((request) => request === 1);
    const group = new GroupCommit(run);
    await expect(group.submit(1)).rejects.toThrow('batch 1 failed');
    await expect(group.submit(2)).resolves.toBe(20);
  });
});
