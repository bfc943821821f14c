import { WorkOrderAllocated, WorkOrderOutOfStock } from '@wo/contracts/work-orders';
import { mendKafkajsIdleLoop } from '@wo/messaging';
import { Kafka, logLevel, type Consumer } from 'kafkajs';

/**
 * Learns when each order settles from the public work-order events (Allocated or OutOfStock), so
 * the bench measures confirm-to-settled without polling the API and loading the system it measures.
 */
export class SettleWatcher {
  private readonly waiting = new Map<string, (outcome: 'allocated' | 'outOfStock') => void>();
  private readonly early = new Map<string, 'allocated' | 'outOfStock'>();

  private constructor(private readonly consumer: Consumer) {}

  static async start(brokers: string, topicPrefix: string): Promise<SettleWatcher> {
    mendKafkajsIdleLoop(); // as the services' clients are
    const kafka = new Kafka({ clientId: 'bench-settle-watcher', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `${topicPrefix}bench-${Date.now()}`, maxWaitTimeInMs: 10 });
    const watcher = new SettleWatcher(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic: `${topicPrefix}${WorkOrderAllocated.topic}`, fromBeginning: false });
    await consumer.run({
      partitionsConsumedConcurrently: 8,
      eachMessage: async ({ message }) => {
        const envelope = JSON.parse(message.value!.toString()) as { type: string; payload: { workOrderId: string } };
        const outcome = envelope.type === WorkOrderAllocated.type ? 'allocated' : envelope.type === WorkOrderOutOfStock.type ? 'outOfStock' : null;
        if (!outcome) return;
        const resolve = watcher.waiting.get(envelope.payload.workOrderId);
        if (resolve) {
          watcher.waiting.delete(envelope.payload.workOrderId);
          resolve(outcome);
        } else watcher.early.set(envelope.payload.workOrderId, outcome);
      },
    });
    // Let the group settle before anything is measured.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    return watcher;
  }

  settled(workOrderId: string): Promise<'allocated' | 'outOfStock'> {
    const already = this.early.get(workOrderId);
    if (already) return Promise.resolve(already);
    return new Promise((resolve) => this.waiting.set(workOrderId, resolve));
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}
