// Collects what one of our clients receives (through onMessage) so scenarios can wait for and
// assert on messages. Invariant: every message ever delivered stays in `messages`, in order.
import type { Client, MqttMessage } from '@x/mqtt';
import { sleep, waitUntil } from './wait.js';

export class Inbox {
  readonly messages: MqttMessage[] = [];

  constructor(client: Client) {
    client.onMessage = (_client, _userdata, message) => {
      this.messages.push(message);
    };
  }

  on(topic: string): MqttMessage[] {
    return this.messages.filter((m) => m.topic === topic);
  }

  /** Waits until at least `count` messages arrived on `topic` (any topic when undefined). */
  async waitFor(count: number, timeoutMs: number, topic?: string): Promise<MqttMessage[]> {
    const pick = (): MqttMessage[] => (topic === undefined ? this.messages : this.on(topic));
    await waitUntil(() => pick().length >= count, timeoutMs, `${count} message(s)${topic === undefined ? '' : ` on ${topic}`} (got ${pick().length})`);
    return pick();
  }

  /** Waits `ms` and returns what arrived on `topic` meanwhile and before. */
  async settle(ms: number, topic?: string): Promise<MqttMessage[]> {
    await sleep(ms);
    return topic === undefined ? this.messages : this.on(topic);
  }
}
