import { afterAll, beforeAll, expect, it } from 'vitest';
import { startAedes, type AedesBroker } from '@x/test-brokers';
import { tcpTransport } from '@x/mqtt-transport-tcp';
import { publish, subscribe, type HelperTarget } from '../src/index.js';

let broker: AedesBroker;
const targets: HelperTarget<unknown>[] = [];
beforeAll(async () => {
  broker = await startAedes();
});
afterAll(async () => {
  await broker.close();
});

const options = () => ({
  hostname: '127.0.0.1',
  port: broker.port,
  createTransport: (target: HelperTarget<unknown>) => {
    targets.push(target);
    return tcpTransport({ host: target.hostname, port: target.port });
  },
});

it('publish.single and subscribe.simple run over the transport the caller builds', async () => {
  await publish.single('helpers/pkg', 'kept', { ...options(), qos: 1, retain: true });
  const message = await subscribe.simple('helpers/pkg', { ...options(), retained: true });
  expect(!Array.isArray(message) && new TextDecoder().decode(message.payload)).toBe('kept');
  expect(targets.at(-1)).toEqual({ hostname: '127.0.0.1', port: broker.port, transport: 'tcp', tls: undefined });
});

it('subscribe.simple skips retained messages unless asked, and returns msgCount messages in order', async () => {
  await publish.single('helpers/skip', 'old', { ...options(), qos: 1, retain: true });
  const waiting = subscribe.simple('helpers/skip', { ...options(), msgCount: 2, qos: 1 });
  await new Promise((r) => setTimeout(r, 200));
  await publish.multiple([['helpers/skip', 'new1', 1], { topic: 'helpers/skip', payload: 'new2', qos: 1 }], options());
  const messages = await waiting;
  expect(Array.isArray(messages) && messages.map((m) => new TextDecoder().decode(m.payload))).toEqual(['new1', 'new2']);
});

it('bad arguments are refused before connecting, with typed errors', async () => {
  await expect(publish.multiple([], options())).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  await expect(publish.single('', 'x', options())).rejects.toMatchObject({ code: 'INVALID_TOPIC' });
  await expect(publish.single('a', 'x', { ...options(), qos: 3 as 0 })).rejects.toMatchObject({ code: 'INVALID_QOS' });
  await expect(subscribe.simple('a', { ...options(), msgCount: 0 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  await expect(publish.single('a', 'x', { ...options(), will: { topic: '' } })).rejects.toMatchObject({ code: 'INVALID_TOPIC' });
});
