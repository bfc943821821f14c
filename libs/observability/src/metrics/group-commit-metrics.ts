import { Histogram } from 'prom-client';
import { metricsRegistry } from './registry';

const batchSize = new Histogram({
  name: 'group_commit_batch_size',
  help: 'Requests committed together in one transaction by a group commit (a burst of Confirms, say), by operation.',
  labelNames: ['operation'] as const,
  buckets: [1, 2, 4, 8, 16, 32, 64],
  registers: [metricsRegistry],
});

export const groupCommitMetrics = {
  /** A batch of `size` requests went in one transaction. */
  batch(operation: string, size: number): void {
    batchSize.labels(operation).observe(size);
  },
};
