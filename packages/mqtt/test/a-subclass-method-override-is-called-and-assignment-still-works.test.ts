import { describe, expect, it } from 'vitest';
import type { ConnectFlags } from '../src/index.js';
import { Client } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

// Issue 13 item 12: the seed documents `class MyClient extends Client { onConnect() {...} }`.
const env = useMosquitto();

class MyClient extends Client {
  readonly seen: string[] = [];
  override onConnect(_client: this, _userdata: unknown, flags: ConnectFlags, rc: number): void {
    this.seen.push(`connect rc=${rc} sp=${String(flags.sessionPresent)}`);
  }
}

describe('callbacks', () => {
  it('a method overridden in a subclass is called', async () => {
    const client = new MyClient();
    try {
      await client.connect('127.0.0.1', env.broker.ports.mqtt);
      expect(client.seen).toEqual(['connect rc=0 sp=false']);
    } finally {
      await client.disconnect();
    }
  });

  it('a function assigned to a subclass instance replaces its method', async () => {
    const client = new MyClient();
    const assigned: number[] = [];
    client.onConnect = (_c, _u, _f, rc) => assigned.push(rc);
    try {
      await client.connect('127.0.0.1', env.broker.ports.mqtt);
      expect(assigned).toEqual([0]);
      expect(client.seen).toEqual([]);
    } finally {
      await client.disconnect();
    }
  });

  it('assignment on a plain Client keeps working, and reading it back gives the function', async () => {
    const client = newClient();
    const topic = uniqueTopic('assigned');
    const got: string[] = [];
    const onMessage = (_c: Client, _u: unknown, m: { topic: string }): void => {
      got.push(m.topic);
    };
    client.onMessage = onMessage;
    expect(client.onMessage).toBe(onMessage);
    await client.connect('127.0.0.1', env.broker.ports.mqtt);
    await client.subscribe(topic, 1);
    await client.publish(topic, 'x', 1);
    await expect.poll(() => got).toEqual([topic]);
    client.onMessage = undefined;
    expect(client.onMessage).toBeUndefined();
  });
});
