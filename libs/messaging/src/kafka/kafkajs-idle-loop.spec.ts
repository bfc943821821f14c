import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { KAFKAJS_VERSION_MENDED, kafkajsRequestQueueClass, mendKafkajsIdleLoop } from './kafkajs-idle-loop';

type Queue = InstanceType<ReturnType<typeof kafkajsRequestQueueClass>> & {
  push(request: object): void;
  maybeThrottle(ms: number): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer; size: number }): void;
  destroy(): void;
};

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const options = { maxInFlightRequests: 1, requestTimeout: 30_000, enforceRequestTimeout: false, clientId: 'spec', broker: 'spec:9092', logger: silent };
const kafkajs = createRequire(require.resolve('kafkajs'));

/** kafkajs's request queue as it ships, loaded afresh (the process's copy may be mended already). */
function shippedRequestQueue(): new (options: object) => Queue {
  const path = kafkajs.resolve('./src/network/requestQueue');
  const cached = kafkajs.cache[path];
  delete kafkajs.cache[path];
  try {
    return kafkajs('./src/network/requestQueue');
  } finally {
    kafkajs.cache[path] = cached;
  }
}

/** How often the queue checks its pending requests in `ms` after one check, with nothing to send. */
async function checksWhileIdle(queue: Queue, ms: number): Promise<number> {
  let checks = 0;
  const check = queue.checkPendingRequests.bind(queue);
  queue.checkPendingRequests = () => {
    checks += 1;
    check();
  };
  queue.checkPendingRequests();
  await sleep(ms);
  if (queue.throttleCheckTimeoutId) clearTimeout(queue.throttleCheckTimeoutId);
  return checks;
}

function request(correlationId: number, sent: number[]) {
  const entry = { correlationId, apiName: 'Fetch', apiKey: 1, apiVersion: 11, resolve: () => undefined, reject: () => undefined };
  return { entry, expectResponse: true, sendRequest: () => sent.push(correlationId) };
}

describe('mendKafkajsIdleLoop (tulios/kafkajs#1556)', () => {
  it('is written for the kafkajs installed: after an upgrade, check whether upstream fixed the loop and drop the mend', () => {
    expect(kafkajs('./package.json').version).toBe(KAFKAJS_VERSION_MENDED);
  });

  it('the queue as shipped checks itself about every millisecond while it has nothing to send', async () => {
    const ShippedQueue = shippedRequestQueue();
    const queue = new ShippedQueue(options);
    expect(await checksWhileIdle(queue, 100)).toBeGreaterThan(20);
  });

  describe('once mended', () => {
    beforeAll(() => expect(mendKafkajsIdleLoop()).toBe(true));
    const RequestQueue = kafkajsRequestQueueClass() as unknown as new (options: object) => Queue;

    it('an idle queue arms no timer', async () => {
      const queue = new RequestQueue(options);
      expect(await checksWhileIdle(queue, 100)).toBe(1);
      expect(queue.throttleCheckTimeoutId).toBeNull();
    });

    it('a request waiting on the one in flight is sent when that one is answered, and then no timer stays armed', async () => {
      const queue = new RequestQueue(options);
      const sent: number[] = [];
      queue.push(request(1, sent));
      queue.push(request(2, sent));
      expect(sent).toEqual([1]);
      queue.fulfillRequest({ correlationId: 1, payload: Buffer.alloc(0), size: 0 });
      expect(sent).toEqual([1, 2]);
      queue.fulfillRequest({ correlationId: 2, payload: Buffer.alloc(0), size: 0 });
      await sleep(30); // the 10 ms re-check armed while request 2 waited fires once and finds nothing
      expect(queue.throttleCheckTimeoutId).toBeNull();
    });

    it('a request pushed while the broker throttles the client is sent when the throttle ends', async () => {
      const queue = new RequestQueue({ ...options, maxInFlightRequests: null });
      const sent: number[] = [];
      queue.maybeThrottle(30);
      queue.push(request(7, sent));
      expect(sent).toEqual([]);
      await sleep(80);
      expect(sent).toEqual([7]);
      expect(queue.throttleCheckTimeoutId).toBeNull();
      queue.destroy();
    });
  });
});
