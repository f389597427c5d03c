// Fault: the broker presents a certificate the client must not trust: signed by a CA it was not
// given, expired, or for another host name. Promise checked: each is refused with TLS_ERROR and
// no MQTT session starts; tlsInsecureSet(true) waives the host name check only (as Paho's
// tls_insecure_set), so only the wrong-host certificate is then accepted.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, MqttError, MQTTv311 } from '@x/mqtt';
import { startMosquitto, type MosquittoBroker } from '@x/test-brokers';
import { report } from './support/results.js';

type Listener = 'mqtts' | 'mqttsExpired' | 'mqttsWrongHost';
let broker: MosquittoBroker<Listener>;
const outcomes: string[] = [];

beforeAll(async () => {
  broker = await startMosquitto({ listeners: ['mqtts', 'mqttsExpired', 'mqttsWrongHost'] });
});

afterAll(async () => {
  await broker?.stop();
  report({ fault: 'TLS: unknown CA, expired certificate, wrong host name', sent: 0, received: 0, lost: 0, duplicated: 0, note: outcomes.join('; ') });
});

/** Connects over TLS; resolves with 'connected' or the error code. */
async function attempt(listener: Listener, ca: 'right' | 'other', insecure: boolean): Promise<string> {
  const pki = broker.certs;
  if (pki === undefined) throw new Error('no PKI');
  const client = new Client({ protocol: MQTTv311, autoReconnect: false, connectTimeout: 5 });
  client.tlsSet({ ca: ca === 'right' ? pki.ca.cert : pki.otherCa.cert });
  if (insecure) client.tlsInsecureSet(true);
  try {
    await client.connect('127.0.0.1', broker.ports[listener], 30);
    const connected = client.isConnected();
    await client.disconnect();
    return connected ? 'connected' : 'not connected';
  } catch (error) {
    expect(error).toBeInstanceOf(MqttError);
    return (error as MqttError).code;
  }
}

const cases: ReadonlyArray<{ name: string; listener: Listener; ca: 'right' | 'other'; secure: string; insecure: string }> = [
  { name: 'valid certificate (control)', listener: 'mqtts', ca: 'right', secure: 'connected', insecure: 'connected' },
  { name: 'signed by an unknown CA', listener: 'mqtts', ca: 'other', secure: 'TLS_ERROR', insecure: 'TLS_ERROR' },
  { name: 'expired certificate', listener: 'mqttsExpired', ca: 'right', secure: 'TLS_ERROR', insecure: 'TLS_ERROR' },
  { name: 'certificate for wrong.example', listener: 'mqttsWrongHost', ca: 'right', secure: 'TLS_ERROR', insecure: 'connected' },
];

for (const c of cases) {
  it(`${c.name}: ${c.secure} by default, ${c.insecure} with tlsInsecureSet(true)`, async () => {
    const secure = await attempt(c.listener, c.ca, false);
    const insecure = await attempt(c.listener, c.ca, true);
    outcomes.push(`${c.name}: ${secure} / insecure ${insecure}`);
    expect(secure).toBe(c.secure);
    expect(insecure).toBe(c.insecure);
  });
}
