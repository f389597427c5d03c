// subscribe.simple / subscribe.callback: subscribe to topics and return `msgCount` messages, or
// hand every message to a callback until the signal aborts. As Paho's paho.mqtt.subscribe, a lost
// connection is reconnected and the topics subscribed again, within `timeoutMs` of the loss.
import { MqttError, type Properties, type QoS } from '@x/mqtt-codec';
import type { InboundMessage, MqttEngine, PublishHandle } from '@x/mqtt-core';
import { toBytes, type HelperOptions } from './options.js';
import type { Payload } from './publish.js';
import { isLoss, runHelper, type HelperRun } from './run.js';

/** The options of subscribe.simple and subscribe.callback: HelperOptions and the subscription's QoS. */
export interface SubscribeHelperOptions<Tls> extends HelperOptions<Tls> {
  /** The maximum QoS asked for every filter. Defaults to 0. */
  qos?: QoS;
}

/**
 * What subscribe.callback hands its callback: Paho's client, reduced to what a callback needs.
 * `publish` takes the Client's positional arguments, so `client.publish('reply', 'pong', 2)`
 * publishes at QoS 2.
 */
export interface HelperClient {
  /** Publishes on the helper's connection; a string or number payload is sent as UTF-8. qos defaults to 0, retain to false. */
  publish(topic: string, payload?: Payload, qos?: QoS, retain?: boolean, properties?: Properties): PublishHandle;
  /** Ends subscribe.callback: its Promise resolves, as client.disconnect() ends Paho's loop_forever. */
  disconnect(): void;
  /** The engine underneath, for everything else. */
  readonly engine: MqttEngine;
}

function topicList(topics: string | readonly string[]): string[] {
  const list = typeof topics === 'string' ? [topics] : [...topics];
  if (list.length === 0 || list.some((t) => typeof t !== 'string' || t === '')) throw new MqttError('INVALID_TOPIC', 'topics must be non-empty strings');
  return list;
}

/**
 * Subscribes now and after every reconnect (a helper's clean session loses its subscriptions).
 * Resolves at the first SUBACK; a refused filter fails the run with SUBSCRIBE_FAILED.
 */
function subscribeAll(run: HelperRun, list: readonly string[], qos: QoS): Promise<void> {
  const once = (): Promise<void> =>
    run.engine.subscribe(list.map((topicFilter) => ({ topicFilter, qos }))).done.then((result) => {
      const refused = result.reasonCodes.findIndex((code) => code >= 0x80);
      if (refused >= 0) throw new MqttError('SUBSCRIBE_FAILED', `the broker refused ${list[refused]}`);
      run.recovered();
    });
  const renew = (): void => {
    once().catch((error: unknown) => {
      if (!isLoss(error)) run.fail(error instanceof MqttError ? error : new MqttError('SUBSCRIBE_FAILED', String(error), { cause: error }));
    });
  };
  run.onReconnect(renew);
  // A loss before the first SUBACK is handled by the run; the renewal on reconnect takes over.
  return once().catch((error: unknown) => {
    if (!isLoss(error)) throw error;
  });
}

/**
 * Waits for `msgCount` messages (default 1) and returns one message, or an array when msgCount > 1.
 * Retained messages are skipped unless `retained` is true.
 */
export async function simple<Tls>(topics: string | readonly string[], options: SubscribeHelperOptions<Tls> & { msgCount?: number; retained?: boolean }): Promise<InboundMessage | InboundMessage[]> {
  const count = options.msgCount ?? 1;
  if (!Number.isInteger(count) || count < 1) throw new MqttError('INVALID_ARGUMENT', 'msgCount must be >= 1');
  const list = topicList(topics);
  return runHelper(options, async (run) => {
    const received: InboundMessage[] = [];
    const finished = new Promise<void>((resolve) => {
      run.engine.on('message', (message) => {
        if (message.retain && !options.retained) return;
        if (received.length < count) received.push(message);
        if (received.length === count) resolve();
      });
    });
    await subscribeAll(run, list, options.qos ?? 0);
    await finished;
    return count === 1 ? (received[0] as InboundMessage) : received;
  });
}

/**
 * Calls `callback(client, userdata, message)` for every message until `signal` aborts or the
 * callback calls `client.disconnect()` (then resolves). A callback that throws ends the call with
 * that error.
 */
export async function callback<Tls>(
  onMessage: (client: HelperClient, userdata: unknown, message: InboundMessage) => void,
  topics: string | readonly string[],
  options: SubscribeHelperOptions<Tls> & { userdata?: unknown },
): Promise<void> {
  const { signal, ...rest } = options;
  const list = topicList(topics);
  await runHelper(rest, async (run) => {
    const engine = run.engine;
    const stopped = new Promise<void>((resolve, reject) => {
      const client: HelperClient = {
        publish: (topic, payload, qos = 0, retain = false, properties) => engine.publish(topic, toBytes(payload), { qos, retain, ...(properties !== undefined ? { properties } : {}) }),
        disconnect: () => resolve(),
        engine,
      };
      engine.on('message', (message) => {
        try {
          onMessage(client, options.userdata, message);
        } catch (error) {
          reject(error);
        }
      });
      if (signal?.aborted) resolve();
      signal?.addEventListener('abort', () => resolve(), { once: true });
    });
    stopped.catch(() => undefined);
    await subscribeAll(run, list, options.qos ?? 0);
    await stopped;
  });
}
