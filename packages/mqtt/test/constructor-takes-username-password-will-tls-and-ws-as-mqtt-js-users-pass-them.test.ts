// Issue 13.10: the options people naturally pass to the constructor (username, password, will,
// tls, ws, as MQTT.js users do) take effect, against a mosquitto that requires a password; the
// Paho spellings (positional wsSetOptions(path, headers), tlsSet({ ca_certs })) work; and what
// is not an option, or not of the right type, is INVALID_ARGUMENT naming the key.
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { Client, MQTTv5, type MqttMessage } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const alice = { username: 'alice', password: 'wonder land' };
const env = useMosquitto({ listeners: ['mqtt', 'mqtts', 'ws'], users: [alice] });

describe('the constructor takes what MQTT.js users pass', () => {
  it('username and password are sent in CONNECT (before: ignored, then CONNECTION_REFUSED)', async () => {
    const client = newClient({ ...alice, autoReconnect: false });
    await expect(client.connect('127.0.0.1', env.broker.ports.mqtt)).resolves.toMatchObject({ reasonCode: 0 });
    const anonymous = newClient({ autoReconnect: false });
    await expect(anonymous.connect('127.0.0.1', env.broker.ports.mqtt)).rejects.toMatchObject({ code: 'CONNECTION_REFUSED' });
  });

  it('will is the will willSet() would set: the broker publishes it when the connection is lost', async () => {
    const topic = uniqueTopic('ctor-will');
    const watcher = newClient({ ...alice });
    const got: MqttMessage[] = [];
    watcher.onMessage = (_c, _u, m) => got.push(m);
    await watcher.connect('127.0.0.1', env.broker.ports.mqtt);
    await watcher.subscribe(topic, 1);
    const dying = newClient({ ...alice, autoReconnect: false, protocol: MQTTv5, will: { topic, payload: 'gone', qos: 1, properties: { contentType: 'text/plain' } } });
    await dying.connect('127.0.0.1', env.broker.ports.mqtt);
    (dying.socket() as Socket).destroy();
    await expect.poll(() => got.map((m) => m.text())).toEqual(['gone']);
  });

  it('tls is tlsSet(): an mqtts listener verified with the test CA, given with Paho\'s ca_certs name', async () => {
    const client = newClient({ ...alice, tls: { ca_certs: env.broker.certs!.ca.certFile } as never });
    await expect(client.connect('localhost', env.broker.ports.mqtts)).resolves.toMatchObject({ reasonCode: 0 });
    // A { host, port } server in the same options is a TLS one too.
    const listed = newClient({ ...alice, tls: { ca: env.broker.certs!.ca.certFile }, servers: [{ host: 'localhost', port: env.broker.ports.mqtts }] });
    await expect(listed.connect()).resolves.toMatchObject({ reasonCode: 0 });
  });

  it('ws is wsSetOptions(): its headers function runs for the WebSocket handshake', async () => {
    let calls = 0;
    const client = newClient({
      ...alice,
      transport: 'websockets',
      ws: { path: '/mqtt', headers: (d) => (calls++, { ...d, 'X-From': 'constructor' }) },
    });
    await expect(client.connect('127.0.0.1', env.broker.ports.ws)).resolves.toMatchObject({ reasonCode: 0 });
    expect(calls).toBe(1);
  });
});

describe('the Paho spellings', () => {
  it('wsSetOptions(path, headers), positional as in Paho, sets both', async () => {
    let calls = 0;
    const client = newClient({ ...alice, transport: 'websockets' });
    client.wsSetOptions('/mqtt', (d) => (calls++, { ...d, 'X-From': 'positional' }));
    await expect(client.connect('127.0.0.1', env.broker.ports.ws)).resolves.toMatchObject({ reasonCode: 0 });
    expect(calls).toBe(1);
  });

  it("tlsSet({ ca_certs, certfile, keyfile }) is tlsSet({ ca, cert, key }); cert_reqs and tls_version are refused with the name to use", async () => {
    const client = newClient({ ...alice });
    client.tlsSet({ ca_certs: env.broker.certs!.ca.certFile } as never);
    await expect(client.connect('localhost', env.broker.ports.mqtts)).resolves.toMatchObject({ reasonCode: 0 });
    expect(() => new Client().tlsSet({ cert_reqs: 2 } as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('rejectUnauthorized') }));
    expect(() => new Client().tlsSet({ tls_version: 2 } as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('minVersion') }));
    expect(() => new Client().tlsSet({ ca: 'a.pem', ca_certs: 'b.pem' } as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it("disconnect(null) is Paho's disconnect(reasoncode=None): a normal DISCONNECT, not a bad reason code", async () => {
    const client = newClient({ ...alice, protocol: MQTTv5, autoReconnect: false });
    const rcs: number[] = [];
    client.onDisconnect = (_c, _u, rc) => rcs.push(rc);
    await client.connect('127.0.0.1', env.broker.ports.mqtt);
    await expect(client.disconnect(null as never)).resolves.toBe(0);
    expect(rcs).toEqual([0]);
  });
});

describe('what is not an option is refused, naming the key', () => {
  it('an unknown key, with a hint when it is an MQTT.js or Paho name', () => {
    expect(() => new Client({ clientid: 'x' } as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('"clientid"') }));
    expect(() => new Client({ clean: false } as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('cleanSession') }));
    expect(() => new Client({ protocolVersion: 5 } as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('protocol') }));
  });

  it("transport: 'udp' is refused instead of connecting over TCP", () => {
    expect(() => new Client({ transport: 'udp' } as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/transport.*"udp"/) }));
  });

  it('a wrong type names the key and never shows the value', () => {
    let error: unknown;
    try {
      new Client({ username: 'u', password: 12345678 } as never);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('password') });
    expect(String(error)).not.toContain('12345678');
  });

  it("connect(''), ports outside 1..65535 and an empty servers entry are refused before any socket opens", async () => {
    const client = newClient({ autoReconnect: false });
    let opened = 0;
    client.onSocketOpen = () => opened++;
    await expect(client.connect('')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(client.connect('127.0.0.1', 0)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(client.connect('127.0.0.1', 65536)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(client.connect('mqtt://127.0.0.1:0')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(() => new Client({ servers: [' '] })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(opened).toBe(0);
  });
});
