// Where a received message goes: every per-filter callback whose filter matches (a topic trie),
// onMessage only when none matched, and every open messages() stream. A throwing handler is
// reported and does not stop the others.
import { TopicRouter, type InboundMessage } from '@x/mqtt-core';
import { MqttMessage, type MessageAcker } from './message.js';

export type MessageHandler = (message: MqttMessage) => void;
/** A messages() stream's listener: true when the message matched its filter (it took it). */
export type StreamListener = (message: MqttMessage) => boolean;

export class MessageDispatch {
  #router = new TopicRouter<MessageHandler>();
  readonly #streams = new Set<StreamListener>();

  /** messageCallbackAdd: one handler per literal filter (a second add replaces the first). */
  add(filter: string, handler: MessageHandler): void {
    this.#router.remove(filter);
    this.#router.add(filter, handler);
  }

  remove(filter: string): void {
    this.#router.remove(filter);
  }

  clear(): void {
    this.#router = new TopicRouter();
  }

  /** Registers a messages() stream; returns its remover. */
  stream(listener: StreamListener): () => void {
    this.#streams.add(listener);
    return () => this.#streams.delete(listener);
  }

  /**
   * Hands the message to its receivers; `ack` makes it acknowledge itself (manualAck). Returns
   * whether a callback or stream matched it (`fallback` is run, and not counted, when no callback matched).
   */
  dispatch(inbound: InboundMessage, fallback: MessageHandler, onError: (what: string, error: unknown) => void, ack?: MessageAcker): boolean {
    const message = new MqttMessage({
      topic: inbound.topic,
      payload: inbound.payload,
      qos: inbound.qos,
      retain: inbound.retain,
      dup: inbound.dup,
      mid: inbound.packetId ?? 0,
      ...(inbound.properties !== undefined ? { properties: inbound.properties } : {}),
      ...(ack !== undefined ? { ack } : {}),
    });
    const handlers = this.#router.match(message.topic);
    if (handlers.length === 0) run('onMessage', fallback);
    for (const handler of handlers) run('a messageCallbackAdd callback', handler);
    let taken = handlers.length > 0;
    for (const stream of this.#streams) if (stream(message)) taken = true;
    return taken;

    function run(what: string, handler: MessageHandler): void {
      try {
        handler(message);
      } catch (error) {
        onError(what, error);
      }
    }
  }
}
