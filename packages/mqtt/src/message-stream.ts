// client.messages(filter): received messages as an async iterator. With the client's manualAck a
// stream acks each message as it hands it out (or leaves it to the consumer): the broker is held
// back by the unacked bound, so nothing is dropped and the buffer stays bounded. A full buffer (`bufferSize`)
// pauses reading from the broker (flow control holds the rest) and resumes at half; only QoS 0
// messages are ever dropped (oldest first, counted in `dropped`): a QoS>0 message, which the broker
// was told arrived, is never dropped.
import { topicMatchesSub } from '@x/mqtt-core';
import { rejectOnAbort, type MqttMessage } from './message.js';

/** The options of client.messages(filter, options). */
export interface MessageStreamOptions {
  /** Ends the iteration. */
  signal?: AbortSignal;
  /**
   * Messages held for a slow consumer. When full, reading from the broker pauses (where the
   * transport can pause) until half of it was consumed; past it, the oldest QoS 0 messages are
   * dropped, never QoS 1/2 ones. Defaults to 10,000.
   */
  bufferSize?: number;
  /**
   * With the client's `manualAck`: by default (false) the iterator acks each QoS 1/2 message as it
   * hands it out, so a consumer that falls behind holds back the broker (reading pauses at
   * `maxUnackedInbound`) and nothing is dropped (messages still buffered when the iterator ends are
   * acked then, or they would hold every later ack back); true leaves acking to you (`message.ack()`).
   * true without the client's manualAck throws INVALID_ARGUMENT. Defaults to false.
   */
  manualAck?: boolean;
}

/** How a stream asks the client to stop and restart reading from the broker. */
export interface StreamFlow {
  pause(): void;
  resume(): void;
}

export const DEFAULT_MESSAGE_STREAM_BUFFER = 10_000;

/** `subscribe(listener)` registers a listener for every message and returns its remover. */
export function messageStream(
  filter: string,
  options: MessageStreamOptions,
  subscribe: (listener: (message: MqttMessage) => boolean) => () => void,
  flow?: StreamFlow,
  ackOnTake = false,
): AsyncIterableIterator<MqttMessage> & { readonly dropped: number } {
  const limit = options.bufferSize ?? DEFAULT_MESSAGE_STREAM_BUFFER;
  const buffer: MqttMessage[] = [];
  let head = 0;
  let dropped = 0;
  let wake: (() => void) | undefined;
  let done = false;
  let paused = false;
  const pause = (): void => {
    if (paused) return;
    paused = true;
    flow?.pause();
  };
  const resume = (): void => {
    if (!paused) return;
    paused = false;
    flow?.resume();
  };
  /** Forgets consumed or dropped messages once they are half the array (amortised O(1)). */
  const compact = (): void => {
    if (head > 64 && head * 2 > buffer.length) {
      buffer.splice(0, head);
      head = 0;
    }
  };
  const unsubscribe = subscribe((message) => {
    if (done || !topicMatchesSub(filter, message.topic)) return false;
    buffer.push(message);
    if (buffer.length - head >= limit) pause();
    // Over the limit, only a QoS 0 message at the head may go: a QoS>0 one was acknowledged.
    if (buffer.length - head > limit && (buffer[head] as MqttMessage).qos === 0) {
      head++;
      dropped++;
      compact();
    }
    wake?.();
    return true;
  });
  const finish = (): IteratorResult<MqttMessage> => {
    done = true;
    unsubscribe();
    // Acked as well: never handed out, they would otherwise hold every later ack (and reading) back.
    if (ackOnTake) for (let i = head; i < buffer.length; i++) (buffer[i] as MqttMessage).ack();
    buffer.length = 0;
    head = 0;
    resume();
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
          if (ackOnTake) value.ack();
          if (paused && buffer.length - head <= limit / 2) resume();
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
