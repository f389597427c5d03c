import { createSecureContext } from 'node:tls';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { MQTTv5, publish, subscribe } from '../src/index.js';
import { newClient, useMosquitto } from './support/broker.js';

const env = useMosquitto({ listeners: ['mqtt', 'mqtts', 'wss'], users: [{ username: 'h', password: 'hp' }] });

it('tlsSetContext uses a ready-made SecureContext', async () => {
  const client = newClient();
  client.tlsSetContext(createSecureContext({ ca: readFileSync(env.broker.certs!.ca.certFile) }));
  client.usernamePwSet('h', 'hp');
  await expect(client.connect('localhost', env.broker.ports.mqtts)).resolves.toMatchObject({ reasonCode: 0 });
});

it('the helpers take auth, tls, protocol, transport and will as the seed does', async () => {
  const ca = env.broker.certs!.ca.certFile;
  const common = { hostname: 'localhost', auth: { username: 'h', password: 'hp' }, tls: { ca } } as const;
  const waiting = subscribe.simple(['helpers/a', 'helpers/b'], { ...common, port: env.broker.ports.wss, transport: 'websockets', protocol: MQTTv5, msgCount: 2, qos: 1 });
  await new Promise((r) => setTimeout(r, 300));
  await publish.multiple(
    [
      { topic: 'helpers/a', payload: 'over tls', qos: 1 },
      ['helpers/b', 'and again', 2, false],
    ],
    { ...common, port: env.broker.ports.mqtts, will: { topic: 'helpers/will', payload: 'gone' } },
  );
  const messages = await waiting;
  expect(Array.isArray(messages) && messages.map((m) => `${m.topic} ${m.text()}`).sort()).toEqual(['helpers/a over tls', 'helpers/b and again']);
});

it('a helper refused by the broker rejects with CONNECTION_REFUSED', async () => {
  await expect(publish.single('helpers/x', 'p', { hostname: '127.0.0.1', port: env.broker.ports.mqtt, auth: { username: 'h', password: 'bad' } })).rejects.toMatchObject({ code: 'CONNECTION_REFUSED' });
});
