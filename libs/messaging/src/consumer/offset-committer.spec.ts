import { setTimeout as sleep } from 'node:timers/promises';
import { OffsetCommitter, type PartitionOffset } from './offset-committer';

function recorder(failures: Error[] = []) {
  const commits: PartitionOffset[][] = [];
  const failed: unknown[] = [];
  const committer = new OffsetCommitter(
    async (offsets) => {
      const failure = failures.shift();
      if (failure) throw failure;
      commits.push(offsets);
    },
    20,
    (error) => failed.push(error),
  );
  return { committer, commits, failed };
}

describe('OffsetCommitter', () => {
  it('commits what was handled once per interval, the next offset of each partition, newest wins', async () => {
    const { committer, commits } = recorder();
    committer.handled('t', 0, '5');
    committer.handled('t', 1, '9');
    committer.handled('t', 0, '6');
    expect(commits).toEqual([]);
    await sleep(50);
    expect(commits).toEqual([
      [
        { topic: 't', partition: 0, offset: '7' },
        { topic: 't', partition: 1, offset: '10' },
      ],
    ]);
    await sleep(50);
    expect(commits).toHaveLength(1); // nothing new handled: no commit
    committer.stop();
  });

  it('flush commits at once and waits for it', async () => {
    const { committer, commits } = recorder();
    committer.handled('t', 3, '41');
    await committer.flush();
    expect(commits).toEqual([[{ topic: 't', partition: 3, offset: '42' }]]);
    await committer.flush();
    expect(commits).toHaveLength(1);
  });

  it('tries a refused commit again at the next interval, with what was handled since in its place', async () => {
    const { committer, commits, failed } = recorder([new Error('REBALANCE_IN_PROGRESS')]);
    committer.handled('t', 0, '1');
    committer.handled('t', 1, '1');
    await committer.flush();
    expect(failed).toHaveLength(1);
    committer.handled('t', 0, '2');
    await sleep(50);
    expect(commits).toEqual([
      [
        { topic: 't', partition: 0, offset: '3' },
        { topic: 't', partition: 1, offset: '2' },
      ],
    ]);
    committer.stop();
  });

  it('after a rebalance commits only the partitions still assigned to the member', async () => {
    const { committer, commits } = recorder();
    committer.handled('t', 0, '10');
    committer.handled('t', 1, '20');
    committer.handled('u', 0, '30');
    committer.retain({ t: [1], v: [0] });
    await committer.flush();
    expect(commits).toEqual([[{ topic: 't', partition: 1, offset: '21' }]]);
  });

  it('commits offsets past 2^53 exactly', async () => {
    const { committer, commits } = recorder();
    committer.handled('t', 0, '9007199254740993');
    await committer.flush();
    expect(commits[0]![0]!.offset).toBe('9007199254740994');
  });

  it('commits nothing once stopped', async () => {
    const { committer, commits } = recorder();
    committer.handled('t', 0, '1');
    committer.stop();
    await sleep(50);
    await committer.flush();
    expect(commits).toEqual([]);
  });
});
