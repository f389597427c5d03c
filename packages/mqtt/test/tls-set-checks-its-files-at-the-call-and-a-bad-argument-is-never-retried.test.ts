// Issue 12.10: tlsSet() reads the files it names at the call, as Paho's tls_set does (a missing
// one is INVALID_ARGUMENT there, not a TCP connection and a retry loop later); a secureContext
// together with what a context already holds is refused; and the connect loops of loopStart()
// and loopForever() never retry an INVALID_ARGUMENT, which no retry can cure.
import { copyFileSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { Client, MQTT_LOG_ERR } from '../src/index.js';
import { newClient, useMosquitto } from './support/broker.js';

const env = useMosquitto({ listeners: ['mqtts'] });
const dir = mkdtempSync(join(tmpdir(), 'x-mqtt-tls-args-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const invalid = expect.objectContaining({ code: 'INVALID_ARGUMENT' });

describe('tlsSet() checks its files at the call', () => {
  it.each([
    ['ca', { ca: 'no/such/file' }],
    ['cert', { cert: 'no/such/cert.pem', key: 'no/such/key.pem' }],
    ['key', { key: 'no/such/key.pem' }],
    ['ca in a list', { ca: ['no/such/file'] }],
    ["ca_certs (Paho's name)", { ca_certs: 'no/such/file' }],
    ['ca that is a directory', { ca: tmpdir() }],
  ])('an unreadable %s is INVALID_ARGUMENT, and TLS stays unset', (_what, settings) => {
    const client = new Client();
    expect(() => client.tlsSet(settings as never)).toThrow(invalid);
    // Nothing was set: a correct tlsSet() still works (no "TLS is already configured").
    expect(() => client.tlsSet({ ca: env.broker.certs!.ca.certFile })).not.toThrow();
  });

  it('the constructor\'s tls option is checked the same way', () => {
    expect(() => new Client({ tls: { ca: 'no/such/file' } })).toThrow(invalid);
  });

  it('PEM text and bytes need no file', () => {
    const pem = env.broker.certs!.ca.cert;
    expect(() => new Client().tlsSet({ ca: pem })).not.toThrow();
    expect(() => new Client().tlsSet({ ca: new TextEncoder().encode(pem) })).not.toThrow();
  });
});

describe('secureContext with what a context holds is refused (node:tls would silently ignore the rest)', () => {
  const secureContext = createSecureContext({});
  it.each([['ca'], ['cert'], ['key'], ['passphrase'], ['ciphers'], ['minVersion']])('secureContext + %s', (key) => {
    const value = key === 'minVersion' ? 'TLSv1.2' : key === 'ca' || key === 'cert' || key === 'key' ? env.broker.certs!.ca.cert : 'x';
    expect(() => new Client().tlsSet({ secureContext, [key]: value })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining(key) }));
  });

  it('secureContext with connection settings (servername, rejectUnauthorized, alpnProtocols) is fine', () => {
    expect(() => new Client().tlsSet({ secureContext, servername: 'localhost', rejectUnauthorized: true, alpnProtocols: ['mqtt'] })).not.toThrow();
  });
});

describe('an INVALID_ARGUMENT at connect time is not retried', () => {
  /** A client whose CA file existed at tlsSet() and is gone by the time it connects. */
  function clientWithVanishedCa(name: string): { client: Client; retries: () => number; errors: string[] } {
    const ca = join(dir, `${name}.pem`);
    copyFileSync(env.broker.certs!.ca.certFile, ca);
    const client = newClient();
    client.tlsSet({ ca });
    unlinkSync(ca);
    client.reconnectDelaySet(0.05, 0.05);
    const lines: string[] = [];
    const errors: string[] = [];
    client.onLog = (_c, _u, level, line) => {
      lines.push(line);
      if (level === MQTT_LOG_ERR) errors.push(line);
    };
    return { client, retries: () => lines.filter((l) => l.includes('retrying')).length, errors };
  }

  it('loopForever({ retryFirstConnection: true }) rejects with it instead of retrying forever', async () => {
    const { client, retries } = clientWithVanishedCa('forever');
    client.connectAsync('localhost', env.broker.ports.mqtts);
    const outcome = await Promise.race([
      client.loopForever({ retryFirstConnection: true }).then(
        (rc) => `resolved ${rc}`,
        (e: { code?: string }) => `rejected ${e.code}`,
      ),
      new Promise<string>((resolve) => setTimeout(() => resolve('still pending'), 2000)),
    ]);
    expect(outcome).toBe('rejected INVALID_ARGUMENT');
    expect(retries()).toBe(0);
  });

  it('loopStart() stops at it, and says so at MQTT_LOG_ERR', async () => {
    const { client, retries, errors } = clientWithVanishedCa('start');
    client.connectAsync('localhost', env.broker.ports.mqtts);
    client.loopStart();
    await expect.poll(() => errors.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(retries()).toBe(0);
    expect(errors.join('\n')).toContain('INVALID_ARGUMENT');
    client.loopStop();
  });
});
