// subscribe.simple / subscribe.callback: subscribe to topics and return `msgCount` messages, or
// hand every message to a callback until the signal aborts. As Paho's paho.mqtt.subscribe.
import { MqttError, type QoS } from '@x/mqtt-codec';
import type { InboundMessage, MqttEngine } from '@x/mqtt-core';
import { withConnection, type HelperOptions } from './options.js';

export interface SubscribeHelperOptions<Tls> extends HelperOptions<Tls> {
  /** Defaults to 0. */
  qos?: QoS;
}

function subscribeAll(engine: MqttEngine, topics: string | readonly string[], qos: QoS): Promise<unknown> {
  const list = typeof topics === 'string' ? [topics] : [...topics];
  if (list.length === 0 || list.some((t) => typeof t !== 'string' || t === '')) throw new MqttError('INVALID_TOPIC', 'topics must be non-empty strings');
  return engine.subscribe(list.map((topicFilter) => ({ topicFilter, qos }))).done.then((result) => {
    const refused = (result as { reasonCodes: readonly number[] }).reasonCodes.findIndex((code) => code >= 0x80);
    if (refused >= 0) throw new MqttError('SUBSCRIBE_FAILED', `the broker refused ${list[refused]}`);
  });
}

/**
 * Waits for `msgCount` messages (default 1) and returns one message, or an array when msgCount > 1.
 * Retained messages are skipped unless `retained` is true.
 */
export async function simple<Tls>(topics: string | readonly string[], options: SubscribeHelperOptions<Tls> & { msgCount?: number; retained?: boolean }): Promise<InboundMessage | InboundMessage[]> {
  const count = options.msgCount ?? 1;
  if (!Number.isInteger(count) || count < 1) throw new MqttError('INVALID_ARGUMENT', 'msgCount must be >= 1');
  return withConnection(options, async (engine) => {
    const received: InboundMessage[] = [];
    const finished = new Promise<void>((resolve, reject) => {
      engine.on('message', (message) => {
        if (message.retain && !options.retained) return;
        if (received.length < count) received.push(message);
        if (received.length === count) resolve();
      });
      engine.on('disconnect', (info) => reject(info.error ?? new MqttError('CONNECTION_CLOSED', 'disconnected before enough messages arrived')));
      options.signal?.addEventListener('abort', () => reject(new MqttError('ABORTED', 'aborted')), { once: true });
    });
    finished.catch(() => undefined);
    await subscribeAll(engine, topics, options.qos ?? 0);
    await finished;
    return count === 1 ? (received[0] as InboundMessage) : received;
  });
}

/** Calls `callback(engine, userdata, message)` for every message until `signal` aborts (then resolves). */
export async function callback<Tls>(
  onMessage: (engine: MqttEngine, userdata: unknown, message: InboundMessage) => void,
  topics: string | readonly string[],
  options: SubscribeHelperOptions<Tls> & { userdata?: unknown },
): Promise<void> {
  const { signal, ...rest } = options;
  await withConnection(rest, async (engine) => {
    const stopped = new Promise<void>((resolve, reject) => {
      engine.on('message', (message) => {
        try {
          onMessage(engine, options.userdata, message);
        } catch (error) {
          reject(error);
        }
      });
      engine.on('disconnect', (info) => (info.error ? reject(info.error) : resolve()));
      if (signal?.aborted) resolve();
      signal?.addEventListener('abort', () => resolve(), { once: true });
    });
    stopped.catch(() => undefined);
    await subscribeAll(engine, topics, options.qos ?? 0);
    await stopped;
  });
}
