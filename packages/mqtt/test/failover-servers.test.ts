import { expect, it } from 'vitest';
import { freePort } from '@x/test-brokers';
import { newClient, useMosquitto } from './support/broker.js';

const env = useMosquitto();

it('given several servers, a client that cannot reach the first connects to the next one', async () => {
  const dead = await freePort();
  const client = newClient({ servers: [`mqtt://127.0.0.1:${dead}`, { host: '127.0.0.1', port: env.broker.ports.mqtt }] });
  client.reconnectDelaySet(0.05, 0.1);
  const logs: string[] = [];
  client.onLog = (_c, _u, _l, line) => logs.push(line);
  client.connectAsync();
  client.loopStart();
  await expect.poll(() => client.isConnected(), { timeout: 5000 }).toBe(true);
  expect(logs.some((l) => /retrying|failed/.test(l))).toBe(true);
});

it('connects from a URL with credentials, which never appear in the logs', async () => {
  const client = newClient();
  const logs: string[] = [];
  client.onLog = (_c, _u, _l, line) => logs.push(line);
  await client.connect(`mqtt://someone:hunter2@127.0.0.1:${env.broker.ports.mqtt}`);
  expect(client.isConnected()).toBe(true);
  expect(logs.length).toBeGreaterThan(0);
  expect(logs.join('\n')).not.toContain('hunter2');
});
