// What the application receives (MqttMessage, the seed's MQTTMessage) and what publish()
// returns (MessageInfo, the seed's MQTTMessageInfo, with a Promise instead of a blocking wait).
import { MqttError, type Properties, type QoS } from '@x/mqtt-codec';
import { defaultTimers, waitWithin, type PublishHandle, type PublishResult, type RequestHandle, type WaitOptions } from '@x/mqtt-core';
import { MQTT_ERR_QUEUE_SIZE } from './constants.js';

const utf8 = new TextDecoder();

/** How a message acknowledges itself (manualAck): true when the ack was taken (sent or held for order). */
export type MessageAcker = (reasonCode: number | undefined, properties: Properties | undefined) => boolean;

/** A message received from the broker. */
export class MqttMessage {
  /** The topic it was published to. */
  readonly topic: string;
  /** The payload bytes (text() decodes them as UTF-8). */
  readonly payload: Uint8Array;
  /** The QoS it was delivered with. */
  readonly qos: QoS;
  /** True for a retained message sent on subscribing. */
  readonly retain: boolean;
  /** True when the broker marked it as a possible redelivery. */
  readonly dup: boolean;
  /** The packet id it arrived with (0 at QoS 0). */
  readonly mid: number;
  /** MQTT 5 properties (user properties, response topic, correlation data, ...). */
  readonly properties: Properties | undefined;
  /** When it was handed to the application (ms since the epoch). */
  readonly timestamp: number;
  #acker: MessageAcker | undefined;

  /** `init` may be core's InboundMessage as it is (its packetId becomes `mid`); `ack` (or `init.ack`) makes ack() work (manualAck). */
  constructor(init: { topic: string; payload: Uint8Array; qos: QoS; retain: boolean; dup: boolean; mid?: number; packetId?: number | undefined; properties?: Properties | undefined; timestamp?: number; ack?: MessageAcker }, ack?: MessageAcker) {
    this.#acker = ack ?? init.ack;
    this.topic = init.topic;
    this.payload = init.payload;
    this.qos = init.qos;
    this.retain = init.retain;
    this.dup = init.dup;
    this.mid = init.mid ?? init.packetId ?? 0;
    this.properties = init.properties;
    this.timestamp = init.timestamp ?? Date.now();
  }

  /**
   * With the `manualAck` client option: sends this message's PUBACK (QoS 1) or PUBREC (QoS 2), after
   * those of the messages that arrived before it (until they are acked it is held). MQTT 5:
   * `reasonCode` 0x80 or above refuses the message (0x80 unspecified error, 0x87 not authorized,
   * 0x97 quota exceeded, ...), with optional `properties` (reasonString, userProperties). True when
   * the ack was taken; false when there is nothing to ack: QoS 0, acked already, the client acks on
   * arrival, or the connection it came on is gone (the broker redelivers it; ack that copy).
   * Throws INVALID_ARGUMENT for a reason code PUBACK/PUBREC cannot carry, or a non-zero one before MQTT 5.
   */
  ack(reasonCode?: number, properties?: Properties): boolean {
    if (reasonCode !== undefined && (!Number.isInteger(reasonCode) || reasonCode < 0 || reasonCode > 255)) {
      throw new MqttError('INVALID_ARGUMENT', `ack() reasonCode: expected an integer 0-255, got ${String(reasonCode)}`);
    }
    if (properties !== undefined && (typeof properties !== 'object' || properties === null || Array.isArray(properties))) {
      throw new MqttError('INVALID_ARGUMENT', 'ack() properties: expected an object');
    }
    const acker = this.#acker;
    if (acker === undefined) return false;
    const taken = acker(reasonCode, properties);
    if (taken) this.#acker = undefined;
    return taken;
  }

  /** The payload decoded as UTF-8. */
  text(): string {
    return utf8.decode(this.payload);
  }

  /** The payload parsed as JSON. */
  json<T = unknown>(): T {
    return JSON.parse(this.text()) as T;
  }
}

/**
 * What subscribe() and unsubscribe() return: Paho's `(rc, mid)` tuple (destructure it:
 * `const [rc, mid] = client.subscribe('a/b')`), and awaitable for the broker's answer.
 */
export class RequestInfo<R> implements PromiseLike<R> {
  /** MQTT_ERR_SUCCESS, MQTT_ERR_NO_CONN (not connected) or MQTT_ERR_QUEUE_SIZE (publish, dropped). */
  readonly rc: number;
  /**
   * The client's message id (Paho's mid): the number onPublish, onSubscribe or onUnsubscribe reports
   * for this request. Not the packet id on the wire (see packetId).
   */
  readonly mid: number;
  readonly #handle: RequestHandle<R>;

  constructor(handle: RequestHandle<R>) {
    this.#handle = handle;
    this.rc = handle.rc;
    this.mid = handle.mid;
  }

  /**
   * Settles with the acknowledgement (SUBACK/UNSUBACK, PUBACK/PUBCOMP). Never an unhandled
   * rejection. Made when first read (a request nobody awaits costs no Promise).
   */
  get done(): Promise<R> {
    return this.#handle.done;
  }

  /** 'pending', 'fulfilled' or 'rejected', synchronously. */
  get status(): RequestHandle<R>['status'] {
    return this.#handle.status;
  }

  /** The packet id used on the wire, once known (QoS>0 publishes, subscribe, unsubscribe); undefined at QoS 0. Not `mid`. */
  get packetId(): number | undefined {
    return this.#handle.packetId;
  }

  then<T1 = R, T2 = never>(onFulfilled?: ((value: R) => T1 | PromiseLike<T1>) | null, onRejected?: ((reason: unknown) => T2 | PromiseLike<T2>) | null): Promise<T1 | T2> {
    return this.#handle.then(onFulfilled, onRejected) as Promise<T1 | T2>; // the engine's handles are Completions: a Promise
  }

  /**
   * Waits for the answer up to `signal` (rejects ABORTED) or `timeoutMs` (rejects TIMEOUT); the
   * listener and timer are removed as soon as it settles. The request itself is not cancelled.
   */
  wait(options: WaitOptions = {}): Promise<R> {
    return waitWithin(this.#handle, options, defaultTimers);
  }

  /** Yields rc then mid, so that `const [rc, mid] = ...` works as in Paho. */
  *[Symbol.iterator](): IterableIterator<number> {
    yield this.rc;
    yield this.mid;
  }
}

/** What publish() returns (Paho's MQTTMessageInfo): `rc` and `mid` at once, completion later. */
export class MessageInfo extends RequestInfo<PublishResult> {
  readonly #stored: Promise<void>;

  constructor(handle: PublishHandle) {
    super(handle);
    this.#stored = handle.stored;
  }

  /**
   * Resolves once the client's SessionStore holds the message: with a durable store
   * (`FileSessionStore`) it is then on disk, and a process that dies still sends it after a
   * restart. At once without a store, or at QoS 0 (never stored).
   */
  waitForStored(): Promise<void> {
    this.#assertQueued();
    return this.#stored;
  }

  /** True once QoS 0 was written, QoS 1 acknowledged (PUBACK) or QoS 2 completed (PUBCOMP). */
  isPublished(): boolean {
    this.#assertQueued();
    return this.status === 'fulfilled';
  }

  /** Resolves when the message is published; rejects on abort or timeout, or if it can never be sent. */
  waitForPublish(options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<void> {
    this.#assertQueued();
    // The abort listener and the timer are removed when the publish settles (issue 11 item 10).
    return waitWithin(this, options, defaultTimers, `message ${this.mid}`).then(() => undefined);
  }

  #assertQueued(): void {
    if (this.rc === MQTT_ERR_QUEUE_SIZE) throw new MqttError('QUEUE_FULL', `message ${this.mid} was not queued: the outgoing queue is full`);
  }
}

export function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () => reject(new MqttError('ABORTED', 'aborted', { cause: signal.reason }));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}
