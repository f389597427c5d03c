// Paho's external event loop against a real mosquitto: a client with `externalLoop: true` connects,
// subscribes, publishes at QoS 2 and receives its own message at QoS 2 (PUBLISH, PUBREC, PUBREL,
// PUBCOMP both ways), moved only by loopRead(), loopWrite() and loopMisc(); between loop calls it
// does nothing on its own.
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { MQTT_ERR_INVAL, MQTT_ERR_NO_CONN, MQTT_ERR_SUCCESS, MQTT_LOG_DEBUG, type MqttMessage } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';
import { idle, selectLoop } from './support/select-loop.js';

const env = useMosquitto();

describe('a client with externalLoop: true', () => {
  it('completes a QoS 2 publish and a QoS 2 delivery using only the loop calls', async () => {
    const topic = uniqueTopic('external-loop-qos2');
    const client = newClient({ externalLoop: true, keepalive: 30 });
    const packets: string[] = [];
    client.onLog = (_c, _u, level, line) => {
      if (level === MQTT_LOG_DEBUG && /^(Sending|Received) /.test(line)) packets.push(line.replace(/ \(.*$/, ''));
    };
    const got: MqttMessage[] = [];
    const published: number[] = [];
    client.onMessage = (_c, _u, m) => got.push(m);
    client.onPublish = (_c, _u, mid) => published.push(mid);
    const registered: string[] = [];
    client.onSocketRegisterWrite = () => registered.push('register');
    client.onSocketUnregisterWrite = () => registered.push('unregister');
    expect(client.loopRead()).toBe(MQTT_ERR_NO_CONN);

    let connected = false;
    const connecting = client.connect('127.0.0.1', env.broker.ports.mqtt).then(() => (connected = true));
    await selectLoop(client, () => connected);
    await connecting;
    expect(client.socket()).toBeInstanceOf((await import('node:net')).Socket);
    expect(registered.slice(0, 2)).toEqual(['register', 'unregister']);

    // "Sending" is logged when a packet is queued (as Paho does); it leaves at loopWrite().
    const sub = client.subscribe(topic, 2);
    await idle(200);
    expect(sub.status).toBe('pending');
    expect(client.wantWrite()).toBe(true);
    await selectLoop(client, () => sub.status !== 'pending');
    await expect(sub).resolves.toMatchObject({ reasonCodes: [2] });

    const info = client.publish(topic, 'exactly once', 2);
    await idle(200);
    expect(info.isPublished()).toBe(false);
    expect(client.wantWrite()).toBe(true);
    expect(packets.filter((p) => p.startsWith('Received') && !p.endsWith('CONNACK') && !p.endsWith('SUBACK'))).toEqual([]);
    const calls = await selectLoop(client, () => published.length === 1 && got.length === 1 && !client.wantWrite() && packets.length >= 12);
    expect(info.isPublished()).toBe(true);
    expect(published).toEqual([info.mid]);
    expect(got.map((m) => [m.topic, m.text(), m.qos])).toEqual([[topic, 'exactly once', 2]]);
    const exchange = packets.slice(4);
    // Our publish out, and mosquitto's delivery of it to us, each as a full QoS 2 handshake.
    expect(exchange.filter((p) => /Sending (PUBLISH|PUBREL)|Received (PUBREC|PUBCOMP)/.test(p))).toEqual(['Sending PUBLISH', 'Received PUBREC', 'Sending PUBREL', 'Received PUBCOMP']);
    expect(exchange.filter((p) => /Received (PUBLISH|PUBREL)|Sending (PUBREC|PUBCOMP)/.test(p))).toEqual(['Received PUBLISH', 'Sending PUBREC', 'Received PUBREL', 'Sending PUBCOMP']);
    expect(new Set([...calls.read, ...calls.write, ...calls.misc])).toEqual(new Set([MQTT_ERR_SUCCESS]));

    // disconnect() writes its DISCONNECT at once and closes; the loop calls then say so.
    await client.disconnect();
    expect(packets.at(-1)).toBe('Sending DISCONNECT');
    expect([client.loopRead(), client.loopWrite(), client.loopMisc()]).toEqual([MQTT_ERR_NO_CONN, MQTT_ERR_NO_CONN, MQTT_ERR_NO_CONN]);
  });

  it('leaves what mosquitto sends in the socket until loopRead()', async () => {
    const topic = uniqueTopic('external-loop-unread');
    const client = newClient({ externalLoop: true });
    const got: string[] = [];
    client.onMessage = (_c, _u, m) => got.push(m.text());
    let connected = false;
    const connecting = client.connect('127.0.0.1', env.broker.ports.mqtt).then(() => (connected = true));
    await selectLoop(client, () => connected);
    await connecting;
    const sub = client.subscribe(topic, 1);
    await selectLoop(client, () => sub.status !== 'pending');

    const sender = newClient();
    await sender.connect('127.0.0.1', env.broker.ports.mqtt);
    await sender.publish(topic, 'waiting', 1);
    const socket = client.socket() as Socket;
    await new Promise((resolve) => socket.once('readable', resolve));
    await idle(100);
    expect(got).toEqual([]);
    expect(socket.readableLength).toBeGreaterThan(0);
    expect(client.loopRead()).toBe(MQTT_ERR_SUCCESS);
    expect(got).toEqual(['waiting']);
    await sender.disconnect();
  });

  it("works with the package README's pattern: loopRead on 'readable', loopWrite on register-write, loopMisc on an interval", async () => {
    const topic = uniqueTopic('external-loop-readme');
    const client = newClient({ externalLoop: true, keepalive: 30 });
    client.onSocketOpen = (_c, _u, sock) => (sock as Socket).on('readable', () => client.loopRead());
    client.onSocketRegisterWrite = () => queueMicrotask(() => client.loopWrite());
    const misc = setInterval(() => client.loopMisc(), 1000);
    try {
      const got: string[] = [];
      client.onMessage = (_c, _u, m) => got.push(m.text());
      await client.connect('127.0.0.1', env.broker.ports.mqtt);
      await client.subscribe(topic, 2);
      await client.publish(topic, 'by events', 2);
      await expect.poll(() => got).toEqual(['by events']);
      expect(client.wantWrite()).toBe(false);
    } finally {
      clearInterval(misc);
    }
  });

  it('refuses loopStart() and loopForever(), whose loop would never read', async () => {
    const client = newClient({ externalLoop: true });
    expect(client.loopStart()).toBe(MQTT_ERR_INVAL);
    await expect(client.loopForever()).resolves.toBe(MQTT_ERR_INVAL);
  });
});
