// Where a received message goes: every per-filter callback whose filter matches (a topic trie),
// onMessage only when none matched, and every open messages() stream. A throwing handler is
// reported and does not stop the others. The trie and the stream set are made on first use: most
// clients have neither, and each costs a few hundred bytes per client.
import { TopicRouter, type InboundMessage } from '@x/mqtt-core';
import { MqttMessage } from './message.js';

export type MessageHandler = (message: MqttMessage) => void;

const NONE: readonly MessageHandler[] = [];

export class MessageDispatch {
  #router: TopicRouter<MessageHandler> | undefined;
  #streams: Set<MessageHandler> | undefined;

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
  stream(listener: MessageHandler): () => void {
    const streams = (this.#streams ??= new Set());
    streams.add(listener);
    return () => streams.delete(listener);
  }

  dispatch(inbound: InboundMessage, fallback: MessageHandler, onError: (what: string, error: unknown) => void): void {
    const message = new MqttMessage(inbound);
    const handlers = this.#router === undefined ? NONE : this.#router.match(message.topic);
    if (handlers.length === 0) run('onMessage', fallback, message, onError);
    for (let i = 0; i < handlers.length; i++) run('a messageCallbackAdd callback', handlers[i] as MessageHandler, message, onError);
    if (this.#streams !== undefined) for (const stream of this.#streams) stream(message);
  }
}

function run(what: string, handler: MessageHandler, message: MqttMessage, onError: (what: string, error: unknown) => void): void {
  try {
    handler(message);
  } catch (error) {
    onError(what, error);
  }
}
