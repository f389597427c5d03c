// MQTT 5 request/response (4.10): request() publishes with a Response Topic of the client's own and
// a fresh Correlation Data, and resolves with the response whose Correlation Data matches; respond()
// answers requests on a filter. Invariant: every pending request settles (response, TIMEOUT,
// ABORTED) and leaves no timer, listener or table entry behind.
import { MqttError, type Properties, type QoS } from '@x/mqtt-codec';
import type { MqttMessage } from './message.js';
import type { PayloadInput } from './payload.js';
import { refused } from './validate.js';

/** What request() takes besides topic and payload. */
export interface RequestOptions {
  /** Rejects with TIMEOUT after this many ms. Defaults to 30,000; 0 waits without a limit. */
  readonly timeoutMs?: number;
  /** Rejects with ABORTED when it fires. */
  readonly signal?: AbortSignal;
  /** QoS of the request and of the response topic's subscription. Defaults to 1. */
  readonly qos?: QoS;
  /** More v5 PUBLISH properties (user properties, content type, ...); responseTopic and correlationData are set here. */
  readonly properties?: Properties;
}

/** What a respond() handler returns: a payload, or a payload with properties for the response. */
export type ResponseValue =
  | PayloadInput
  | {
      /** The response's payload. */
      readonly payload: PayloadInput;
      /** v5 PUBLISH properties of the response; respond() adds the request's Correlation Data. */
      readonly properties?: Properties;
    };

/** The parts of the Client request/response needs. */
export interface RequestResponseClient {
  readonly clientId: string;
  publish(topic: string, payload: PayloadInput, qos: QoS, retain: boolean, properties?: Properties): PromiseLike<unknown>;
  subscribe(topic: string, qos: QoS): PromiseLike<unknown>;
  unsubscribe(topic: string): PromiseLike<unknown>;
  messageCallbackAdd(sub: string, callback: (client: never, userdata: unknown, message: MqttMessage) => void): void;
  messageCallbackRemove(sub: string): void;
}

const DEFAULT_TIMEOUT_MS = 30_000;

interface Pending {
  resolve(message: MqttMessage): void;
  reject(error: MqttError): void;
}

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** One per client: its response topic, subscribed once, and the requests waiting on it. */
export class Requester {
  readonly #client: RequestResponseClient;
  readonly #pending = new Map<string, Pending>();
  #responseTopic: string | undefined;
  #subscribed: Promise<unknown> | undefined;

  constructor(client: RequestResponseClient) {
    this.#client = client;
  }

  /** Requests waiting for their response. */
  get pending(): number {
    return this.#pending.size;
  }

  /** Rejects every waiting request with `error` (their timers and listeners go with them). */
  close(error: MqttError): void {
    for (const pending of [...this.#pending.values()]) pending.reject(error);
  }

  async request(topic: string, payload: PayloadInput, options: RequestOptions = {}): Promise<MqttMessage> {
    const { timeoutMs = DEFAULT_TIMEOUT_MS, signal, qos = 1, properties } = options;
    if (!(Number.isFinite(timeoutMs) && timeoutMs >= 0)) throw refused('request() timeoutMs must be a number >= 0');
    if (signal?.aborted === true) throw new MqttError('ABORTED', 'request() aborted before it was sent');
    const responseTopic = this.#topic();
    const correlationData = crypto.getRandomValues(new Uint8Array(16));
    const key = hex(correlationData);
    return new Promise<MqttMessage>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = (): void => settle(undefined, new MqttError('ABORTED', 'request() aborted'));
      const settle = (message: MqttMessage | undefined, error?: MqttError): void => {
        if (!this.#pending.delete(key)) return;
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (error !== undefined) reject(error);
        else resolve(message as MqttMessage);
      };
      this.#pending.set(key, { resolve: (m) => settle(m), reject: (e) => settle(undefined, e) });
      if (timeoutMs > 0) timer = setTimeout(() => settle(undefined, new MqttError('TIMEOUT', `no response on ${responseTopic} within ${timeoutMs} ms`)), timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      // Subscribed before the request goes out, so the response cannot arrive unseen.
      this.#subscribe(responseTopic, qos)
        .then(() => {
          if (!this.#pending.has(key)) return undefined;
          return this.#client.publish(topic, payload, qos, false, { ...properties, responseTopic, correlationData });
        })
        .then(undefined, (error: unknown) => settle(undefined, error instanceof MqttError ? error : new MqttError('INVALID_ARGUMENT', String(error), { cause: error })));
    });
  }

  /** The response topic, one per client object: x-mqtt/responses/<client id>/<random>. */
  #topic(): string {
    this.#responseTopic ??= `x-mqtt/responses/${this.#client.clientId || 'client'}/${hex(crypto.getRandomValues(new Uint8Array(6)))}`;
    return this.#responseTopic;
  }

  #subscribe(topic: string, qos: QoS): Promise<unknown> {
    if (this.#subscribed === undefined) {
      this.#client.messageCallbackAdd(topic, (_c, _u, message) => this.#response(message));
      this.#subscribed = Promise.resolve(this.#client.subscribe(topic, qos)).catch((error: unknown) => {
        this.#subscribed = undefined; // the next request tries again
        this.#client.messageCallbackRemove(topic);
        throw error;
      });
    }
    return this.#subscribed;
  }

  #response(message: MqttMessage): void {
    const data = message.properties?.correlationData;
    if (data === undefined) return;
    this.#pending.get(hex(data))?.resolve(message);
  }
}

/**
 * Answers requests on `filter`: for each message with a Response Topic, publishes what `handler`
 * returns there, with the request's Correlation Data. Resolves once subscribed, with a function
 * that stops answering (unsubscribes). A handler that throws sends no response.
 */
export async function respond(client: RequestResponseClient, filter: string, handler: (request: MqttMessage) => ResponseValue | Promise<ResponseValue>, options: { readonly qos?: QoS; readonly onError?: (error: unknown, request: MqttMessage) => void } = {}): Promise<() => Promise<void>> {
  const qos = options.qos ?? 1;
  client.messageCallbackAdd(filter, (_c, _u, request) => {
    const responseTopic = request.properties?.responseTopic;
    if (responseTopic === undefined) return;
    const correlationData = request.properties?.correlationData;
    Promise.resolve()
      .then(() => handler(request))
      .then((answer) => {
        const withProps = typeof answer === 'object' && answer !== null && !(answer instanceof Uint8Array) && !(answer instanceof ArrayBuffer) && 'payload' in answer;
        const payload = withProps ? answer.payload : (answer as PayloadInput);
        const properties: Properties = { ...(withProps ? answer.properties : undefined), ...(correlationData !== undefined ? { correlationData } : {}) };
        return client.publish(responseTopic, payload, qos, false, properties);
      })
      .then(undefined, (error: unknown) => options.onError?.(error, request));
  });
  try {
    await client.subscribe(filter, qos);
  } catch (error) {
    client.messageCallbackRemove(filter);
    throw error;
  }
  return async () => {
    client.messageCallbackRemove(filter);
    await client.unsubscribe(filter);
  };
}
