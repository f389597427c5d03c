// The one-shot helpers on a lost connection (issue 12 item 9): they reconnect and resend (or
// resubscribe) within `timeoutMs` of the loss, or reject with a typed MqttError; they never hang.
// The loss is staged by a scripted peer that closes the connection right after the PUBLISH or
// SUBSCRIBE, before acknowledging it.
import { MqttError, type Packet } from '@x/mqtt-codec';
import { tcpTransport } from '@x/mqtt-transport-tcp';
import { afterEach, describe, expect, it } from 'vitest';
import { publish, subscribe, type HelperTarget } from '../src/index.js';
import { startClosingPeer, type ClosingPeer, type ClosingPeerOptions } from './support/closing-peer.js';

let peer: ClosingPeer | undefined;
afterEach(async () => {
  await peer?.close();
  peer = undefined;
});

async function withPeer(options: ClosingPeerOptions) {
  peer = await startClosingPeer(options);
  const port = peer.port;
  return {
    peer,
    options: {
      hostname: '127.0.0.1',
      port,
      protocol: options.protocolVersion,
      createTransport: (target: HelperTarget<unknown>) => tcpTransport({ host: target.hostname, port: target.port }),
    },
  };
}

const publishes = (received: ClosingPeer['received']): Array<[number, string, string]> =>
  received.flatMap(({ connection, packet }: { connection: number; packet: Packet }) => (packet.type === 'publish' ? [[connection, packet.topic, new TextDecoder().decode(packet.payload)] as [number, string, string]] : []));

describe('publish.single when the broker closes after the PUBLISH', () => {
  it.each([1, 2] as const)('at QoS %i reconnects, sends the message again and resolves', async (qos) => {
    const { peer, options } = await withPeer({ protocolVersion: 4, closeAfter: 'publish' });
    await publish.single('lost/once', 'hello', { ...options, qos });
    expect(peer.connections).toBe(2);
    expect(publishes(peer.received)).toEqual([[1, 'lost/once', 'hello'], [2, 'lost/once', 'hello']]);
  });

  it('rejects with TIMEOUT, the loss as its cause, when every connection is closed that way', async () => {
    const { peer, options } = await withPeer({ protocolVersion: 4, closeAfter: 'publish', closeOnConnections: Infinity });
    const started = Date.now();
    const error = await publish.single('lost/always', 'x', { ...options, qos: 1, timeoutMs: 1500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MqttError);
    expect(error).toMatchObject({ code: 'TIMEOUT' });
    expect((error as MqttError).cause).toBeInstanceOf(MqttError);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(peer.connections).toBeGreaterThan(1);
  });

  it('rejects at once with the loss when reconnect is false', async () => {
    const { peer, options } = await withPeer({ protocolVersion: 4, closeAfter: 'publish' });
    const error = await publish.single('lost/no-retry', 'x', { ...options, qos: 1, reconnect: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MqttError);
    expect(error).toMatchObject({ code: 'CONNECTION_CLOSED' });
    expect(peer.connections).toBe(1);
  });
});

describe('subscribe helpers when the broker closes after the SUBSCRIBE', () => {
  it('subscribe.simple reconnects, subscribes again and returns the message', async () => {
    const { peer, options } = await withPeer({ protocolVersion: 4, closeAfter: 'subscribe', publishToSubscribers: 'lost/sub' });
    const message = await subscribe.simple('lost/sub', { ...options, qos: 1 });
    expect(!Array.isArray(message) && new TextDecoder().decode(message.payload)).toBe('on connection 2');
    expect(peer.received.filter(({ packet }) => packet.type === 'subscribe').map(({ connection }) => connection)).toEqual([1, 2]);
  });

  it('subscribe.simple rejects with TIMEOUT when it never gets its subscription back', async () => {
    const { options } = await withPeer({ protocolVersion: 4, closeAfter: 'subscribe', closeOnConnections: Infinity });
    await expect(subscribe.simple('lost/never', { ...options, timeoutMs: 1000 })).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('subscribe.callback reconnects and keeps calling back', async () => {
    const { options } = await withPeer({ protocolVersion: 4, closeAfter: 'subscribe', publishToSubscribers: 'lost/cb' });
    const controller = new AbortController();
    const texts: string[] = [];
    await subscribe.callback((_client, _userdata, message) => {
      texts.push(new TextDecoder().decode(message.payload));
      controller.abort();
    }, 'lost/cb', { ...options, signal: controller.signal });
    expect(texts).toEqual(['on connection 2']);
  });
});
