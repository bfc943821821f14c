import { parseArgs } from 'node:util';
import { measureMessagingFloor, type FloorShape } from './messaging-floor';

/**
 * `node dist/bench/messaging-floor-bench.js [--orders 2000] [--concurrency 16] [--lines 3]`: the
 * messaging floor alone (bench/messaging-floor.ts), both shapes, against KAFKA_BROKERS (default the
 * local broker). `npm run bench` runs the same beside the saga and the baseline.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      orders: { type: 'string', default: '2000' },
      concurrency: { type: 'string', default: '16' },
      lines: { type: 'string', default: '3' },
      partitions: { type: 'string', default: '8' },
    },
  });
  const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
  for (const shape of ['per-line', 'per-order'] as FloorShape[]) {
    const result = await measureMessagingFloor({
      brokers,
      partitions: Number(values.partitions),
      orders: Number(values.orders),
      linesPerOrder: Number(values.lines),
      concurrency: Number(values.concurrency),
      shape,
    });
    console.log(`[floor] ${JSON.stringify(result)}`);
  }
}

main().catch((error: Error) => {
  console.error(`messaging floor failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
