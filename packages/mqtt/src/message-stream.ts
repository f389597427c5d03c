// client.messages(filter): received messages as an async iterator. The buffer is bounded
// (oldest dropped past `bufferSize`, counted in `dropped`) so a stalled consumer cannot grow memory.
import { topicMatchesSub } from '@x/mqtt-core';
import { rejectOnAbort, type MqttMessage } from './message.js';

export interface MessageStreamOptions {
  /** Ends the iteration. */
  signal?: AbortSignal;
  /** Messages held for a slow consumer before the oldest are dropped. Defaults to 10,000. */
  bufferSize?: number;
}

export const DEFAULT_MESSAGE_STREAM_BUFFER = 10_000;

/** `subscribe(listener)` registers a listener for every message and returns its remover. */
export function messageStream(
  filter: string,
  options: MessageStreamOptions,
  subscribe: (listener: (message: MqttMessage) => void) => () => void,
): AsyncIterableIterator<MqttMessage> & { readonly dropped: number } {
  const limit = options.bufferSize ?? DEFAULT_MESSAGE_STREAM_BUFFER;
  const buffer: MqttMessage[] = [];
  let head = 0;
  let dropped = 0;
  let wake: (() => void) | undefined;
  let done = false;
  /** Forgets consumed or dropped messages once they are half the array (amortised O(1)). */
  const compact = (): void => {
    if (head > 64 && head * 2 > buffer.length) {
      buffer.splice(0, head);
      head = 0;
    }
  };
  const unsubscribe = subscribe((message) => {
    if (done || !topicMatchesSub(filter, message.topic)) return;
    buffer.push(message);
    if (buffer.length - head > limit) {
      head++;
      dropped++;
      compact();
    }
    wake?.();
  });
  const finish = (): IteratorResult<MqttMessage> => {
    done = true;
    unsubscribe();
    wake?.();
    return { done: true, value: undefined };
  };
  const aborted = options.signal ? rejectOnAbort(options.signal).catch(() => undefined) : undefined;
  aborted?.then(finish);

  return {
    get dropped() {
      return dropped;
    },
    async next(): Promise<IteratorResult<MqttMessage>> {
      while (!done) {
        if (head < buffer.length) {
          const value = buffer[head++] as MqttMessage;
          compact();
          return { done: false, value };
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
      return { done: true, value: undefined };
    },
    async return(): Promise<IteratorResult<MqttMessage>> {
      return finish();
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
