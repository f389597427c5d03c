// Where a received message goes: every per-filter callback whose filter matches (a topic trie),
// onMessage only when none matched, and every open messages() stream. A throwing handler is
// reported and does not stop the others. The trie and the stream set are made on first use: most
// clients have neither, and each costs a few hundred bytes per client.
import { TopicRouter, type InboundMessage } from '@x/mqtt-core';
import { MqttMessage, type MessageAcker } from './message.js';

export type MessageHandler = (message: MqttMessage) => void;
/** A messages() stream's listener: true when the message matched its filter (it took it). */
export type StreamListener = (message: MqttMessage) => boolean;

const NONE: readonly MessageHandler[] = [];

export class MessageDispatch {
  #router: TopicRouter<MessageHandler> | undefined;
  #streams: Set<StreamListener> | undefined;

  /** messageCallbackAdd: one handler per literal filter (a second add replaces the first). */
  add(filter: string, handler: MessageHandler): void {
    const router = (this.#router ??= new TopicRouter());
    router.remove(filter);
    router.add(filter, handler);
  }

  remove(filter: string): void {
    this.#router?.remove(filter);
  }

  clear(): void {
    this.#router = undefined;
  }

  /** Registers a messages() stream; returns its remover. */
  stream(listener: StreamListener): () => void {
    const streams = (this.#streams ??= new Set());
    streams.add(listener);
    return () => streams.delete(listener);
  }

  /**
   * Hands the message to its receivers; `ack` makes it acknowledge itself (manualAck). Returns
   * whether a callback or stream matched it (`fallback` is run, and not counted, when no callback matched).
   */
  dispatch(inbound: InboundMessage, fallback: MessageHandler, onError: (what: string, error: unknown) => void, ack?: MessageAcker): boolean {
    const message = new MqttMessage(inbound, ack);
    const handlers = this.#router === undefined ? NONE : this.#router.match(message.topic);
    if (handlers.length === 0) run('onMessage', fallback, message, onError);
    for (let i = 0; i < handlers.length; i++) run('a messageCallbackAdd callback', handlers[i] as MessageHandler, message, onError);
    let taken = handlers.length > 0;
    if (this.#streams !== undefined) for (const stream of this.#streams) if (stream(message)) taken = true;
    return taken;
  }
}

function run(what: string, handler: MessageHandler, message: MqttMessage, onError: (what: string, error: unknown) => void): void {
  try {
    handler(message);
  } catch (error) {
    onError(what, error);
  }
}
