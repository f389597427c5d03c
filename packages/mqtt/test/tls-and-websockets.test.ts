import { describe, expect, it } from 'vitest';
import { MQTTv31, MQTTv5, type MqttMessage } from '../src/index.js';
import { newClient, uniqueTopic, useMosquitto } from './support/broker.js';

const env = useMosquitto({ listeners: ['mqtt', 'mqtts', 'mqttsMutual', 'mqttsWrongHost', 'ws', 'wss'] });

async function roundTrip(client: ReturnType<typeof newClient>, connect: () => Promise<unknown>): Promise<string> {
  const topic = uniqueTopic('secure');
  const got: MqttMessage[] = [];
  client.onMessage = (_c, _u, m) => got.push(m);
  await connect();
  await client.subscribe(topic, 1);
  await client.publish(topic, 'over the wire', 1);
  await expect.poll(() => got.length).toBe(1);
  return got[0]!.text();
}

describe('TLS (tlsSet) against mosquitto with a CA made at test time', () => {
  it('verifies the broker with the CA and round-trips a message', async () => {
    const client = newClient();
    client.tlsSet({ ca: env.broker.certs!.ca.certFile });
    expect(await roundTrip(client, () => client.connect('localhost', env.broker.ports.mqtts))).toBe('over the wire');
  });

  it('refuses a broker certificate for another host name unless tlsInsecureSet(true)', async () => {
    const strict = newClient({ autoReconnect: false });
    strict.tlsSet({ ca: env.broker.certs!.ca.certFile });
    await expect(strict.connect('localhost', env.broker.ports.mqttsWrongHost)).rejects.toMatchObject({ code: 'TLS_ERROR' });
    const insecure = newClient();
    insecure.tlsSet({ ca: env.broker.certs!.ca.certFile });
    insecure.tlsInsecureSet(true);
    await expect(insecure.connect('localhost', env.broker.ports.mqttsWrongHost)).resolves.toMatchObject({ reasonCode: 0 });
  });

  it('refuses a broker signed by an unknown CA', async () => {
    const client = newClient({ autoReconnect: false });
    client.tlsSet({ ca: env.broker.certs!.otherCa.certFile });
    await expect(client.connect('localhost', env.broker.ports.mqtts)).rejects.toMatchObject({ code: 'TLS_ERROR' });
  });

  it('authenticates with a client certificate (mutual TLS) given as cert and key files', async () => {
    const { ca, client: pair } = env.broker.certs!;
    const client = newClient({ protocol: MQTTv5 });
    client.tlsSet({ ca: ca.certFile, cert: pair.certFile, key: pair.keyFile });
    expect(await roundTrip(client, () => client.connect('localhost', env.broker.ports.mqttsMutual))).toBe('over the wire');
  });

  it('connects from an mqtts:// URL', async () => {
    const client = newClient();
    client.tlsSet({ ca: env.broker.certs!.ca.cert });
    expect(await roundTrip(client, () => client.connect(`mqtts://localhost:${env.broker.ports.mqtts}`))).toBe('over the wire');
  });
});

describe('WebSockets (transport: websockets) against mosquitto', () => {
  it('ws:// with wsSetOptions path and extra headers from a function', async () => {
    const client = newClient({ transport: 'websockets' });
    let defaults: Record<string, string> = {};
    client.wsSetOptions({
      path: '/mqtt',
      headers: (d) => {
        defaults = d;
        return { ...d, 'X-Test': 'yes' };
      },
    });
    expect(await roundTrip(client, () => client.connect('127.0.0.1', env.broker.ports.ws))).toBe('over the wire');
    expect(Object.keys(defaults).length).toBeGreaterThan(0);
  });

  it('MQTT 3.1 over ws:// (sub-protocol mqttv3.1)', async () => {
    const client = newClient({ protocol: MQTTv31 });
    expect(await roundTrip(client, () => client.connect(`ws://127.0.0.1:${env.broker.ports.ws}/mqtt`))).toBe('over the wire');
  });

  it('wss:// with the test CA', async () => {
    const client = newClient({ transport: 'websockets', protocol: MQTTv5 });
    client.tlsSet({ ca: env.broker.certs!.ca.certFile });
    expect(await roundTrip(client, () => client.connect('localhost', env.broker.ports.wss))).toBe('over the wire');
  });
});
